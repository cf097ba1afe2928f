using System.Globalization;
using DocManager.Data;
using DocManager.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace DocManager.Documents;

/// <summary>
/// The filters, sort and paging of `/documents` (SPEC §3), parsed strictly: an unknown sort or
/// category, an impossible date or a bad page answers 400 instead of being guessed at. With a text
/// query and no sort asked for, results come in order of relevance (<see cref="Sort"/> is null).
/// </summary>
public sealed record DocumentQuery(
    string? Q, string? Category, string? Tag, string Owner, DateOnly? From, DateOnly? To, string? Sort, int Page, int PageSize)
{
    public static readonly IReadOnlyList<string> Sorts = ["-date", "date", "title", "-title", "size", "-size"];
    public static readonly IReadOnlyList<string> Owners = ["all", "me", "shared"];
    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    public static DocumentQuery Default { get; } = new(null, null, null, "all", null, null, "-date", 1, 50);

    public static (DocumentQuery? Query, string? Error) Parse(IQueryCollection query, int defaultPageSize = 50)
    {
        // A name given twice never gets here: InputGuard refuses it, on every route.
        string? Single(string name, bool trim = true)
        {
            var values = query.TryGetValue(name, out var v) ? v : StringValues.Empty;
            return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? (trim ? values[0]!.Trim() : values[0]) : null;
        }

        // The search text is kept as typed: a trailing space ends the last word, so it no longer matches as a prefix.
        var q = Single("q", trim: false);
        string? error = null;
        var category = error is null ? Single("category") : null;
        if (error is null && category is not null && !DocumentRules.Categories.Contains(category))
        {
            error = $"Unknown category '{category}'";
        }

        var tag = error is null ? Single("tag")?.ToLowerInvariant() : null;
        if (error is null && tag is not null && !DocumentRules.IsTag(tag))
        {
            error = $"'{tag}' is not a tag: tags are letters, digits, '-' and '_'";
        }
        var owner = error is null ? Single("owner") ?? "all" : "all";
        if (error is null && !Owners.Contains(owner))
        {
            error = $"Unknown owner filter '{owner}': use me, shared or all";
        }

        var from = error is null ? Date(Single("from"), "from", ref error) : null;
        var to = error is null ? Date(Single("to"), "to", ref error) : null;
        if (error is null && from > to)
        {
            error = "'from' must not be after 'to'";
        }

        var sort = error is null ? Single("sort") ?? (q is null ? "-date" : null) : "-date";
        if (error is null && sort is not null && !Sorts.Contains(sort))
        {
            error = $"Unknown sort '{sort}'";
        }

        var page = error is null ? Number(Single("page"), 1, "page", ref error) : 1;
        if (error is null && page < 1)
        {
            error = "'page' must be 1 or more";
        }

        var pageSize = error is null ? Number(Single("pageSize"), defaultPageSize, "pageSize", ref error) : 50;
        if (error is null && !PageSizes.Contains(pageSize))
        {
            error = "'pageSize' must be 10, 25, 50 or 100";
        }

        return error is null
            ? (new DocumentQuery(q, category, tag, owner, from, to, sort, page, pageSize), null)
            : (null, error);
    }

    /// <summary>The documents the user may see that match the filters (no sort, no paging).</summary>
    public IQueryable<Document> Filter(AppDbContext db, ISearchIndex search, int userId)
    {
        var filtered = FilterAllButText(db, userId);
        if (Q is null)
        {
            return filtered;
        }

        var hits = search.Match(SearchTerms.Parse(Q), userId);
        return filtered.Where(d => hits.Select(h => h.DocumentId).Contains(d.Id));
    }

    /// <summary>The documents the user may see that pass every filter but the text query.</summary>
    private IQueryable<Document> FilterAllButText(AppDbContext db, int userId)
    {
        var shared = db.SharedWith(userId);
        var visible = Owner switch
        {
            "me" => db.Documents.Where(d => d.OwnerId == userId),
            "shared" => db.Documents.Where(d => shared.Contains(d.Id)),
            _ => db.DocumentsVisibleTo(userId),
        };
        visible = visible.AsNoTracking();
        if (Category is not null)
        {
            visible = visible.Where(d => d.Category == Category);
        }

        if (Tag is not null)
        {
            visible = visible.Where(d => d.Tags.Any(t => t.Tag == Tag));
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            visible = visible.Where(d => d.CreatedAt >= start);
        }

        if (To is { } to)
        {
            // `to` is inclusive: everything before the start of the next day.
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            visible = visible.Where(d => d.CreatedAt < end);
        }

        return visible;
    }

    /// <summary>The sort asked for (with a text query and no sort, the order is <see cref="Ranked"/>'s).</summary>
    public IOrderedQueryable<Document> Order(IQueryable<Document> documents) => Sort switch
    {
        "date" => documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id),
        "title" => documents.OrderBy(d => d.TitleKey).ThenBy(d => d.Id),
        "-title" => documents.OrderByDescending(d => d.TitleKey).ThenByDescending(d => d.Id),
        "size" => documents.OrderBy(d => d.Size).ThenBy(d => d.Id),
        "-size" => documents.OrderByDescending(d => d.Size).ThenByDescending(d => d.Id),
        _ => documents.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id),
    };

    /// <summary>True when the list comes in order of relevance: a text query and no sort asked for.</summary>
    public bool IsRanked => Q is not null && Sort is null;

    /// <summary>
    /// The ranked search of the text query over the documents that pass the other filters: the one
    /// `/search` runs too, so the list without a sort shows its matches in the same order.
    /// </summary>
    public RankedSearch Ranked(AppDbContext db, ISearchIndex search, int userId) =>
        new(FilterAllButText(db, userId), search.Match(SearchTerms.Parse(Q), userId));

    /// <summary>
    /// A link to another page of the same list (defaults left out). Built by hand rather than as
    /// route data: Razor Pages keeps the route value `page` for the page's own name, so a tag-helper
    /// link silently drops the page number.
    /// </summary>
    public string PageLink(int page) => "/documents" + QueryString.Create(Values(page));

    /// <summary>The same filters and sort for `/documents/cards`, which pages with a cursor, not a page number.</summary>
    public string CardsLink() => "/documents/cards" + QueryString.Create(Values(page: null));

    private IEnumerable<KeyValuePair<string, string?>> Values(int? page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["category"] = Category,
            ["tag"] = Tag,
            ["owner"] = Owner == "all" ? null : Owner,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // Left out only when it is what the server picks anyway: newest first without `q`. With `q`,
            // no sort means ranked, so an explicit `-date` must stay, or the links (and the cursor,
            // which is tied to the sort) would lead to another order.
            ["sort"] = Q is null && Sort == "-date" ? null : Sort,
            ["page"] = page is null or 1 ? null : page.Value.ToString(CultureInfo.InvariantCulture),
            ["pageSize"] = page is null ? null : PageSize.ToString(CultureInfo.InvariantCulture),
        };
        return values.Where(v => v.Value is not null);
    }

    private static DateOnly? Date(string? value, string name, ref string? error)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error = $"'{name}' must be a date written YYYY-MM-DD";
        return null;
    }

    private static int Number(string? value, int fallback, string name, ref string? error)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        error = $"'{name}' must be a whole number";
        return fallback;
    }
}
