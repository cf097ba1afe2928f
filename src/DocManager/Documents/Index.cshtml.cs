using DocManager.Data;
using DocManager.Search;
using DocManager.Sessions;
using DocManager.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>The documents the user can see: their own and those shared with them, filtered, sorted and paged.</summary>
public sealed class IndexModel(AppDbContext db, ISearchIndex search, IDataProtectionProvider protection) : PageModel
{
    public DocumentQuery Query { get; private set; } = DocumentQuery.Default;

    /// <summary>This page's cards; with `q`, each shows the passage that matched, as on `/search`.</summary>
    public IReadOnlyList<DocumentCard> Cards { get; private set; } = [];

    public int TotalCount { get; private set; }

    public long TotalSize { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + Query.PageSize - 1) / Query.PageSize);

    public string? Error { get; private set; }

    /// <summary>True when the user has no documents at all (not just none matching the filters).</summary>
    public bool IsEmpty { get; private set; }

    public int UserId { get; private set; }

    /// <summary>Where `/documents/cards` continues after this page (for infinite scroll); null on the last page.</summary>
    public string? NextCursor { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        UserId = User.GetUserId();
        var (query, error) = DocumentQuery.Parse(Request.Query, Preferences.From(Request).PageSize);
        if (query is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Query = query;
        var matching = query.Filter(db, search, UserId);
        var totals = await matching.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Size = g.Sum(d => d.Size) })
            .SingleOrDefaultAsync(cancellationToken);
        TotalCount = totals?.Count ?? 0;
        TotalSize = totals?.Size ?? 0;
        // A page past the end is empty; computed in int, its offset could overflow to a negative number.
        var skip = (long)(query.Page - 1) * query.PageSize;
        var (documents, last) = skip >= TotalCount ? ([], null) : query.IsRanked
            ? await RankedPageAsync(query, (int)skip, cancellationToken)
            : await SortedPageAsync(query, matching, (int)skip, cancellationToken);
        Cards = await DocumentCards.BuildAsync(db, documents, UserId, SearchTerms.Parse(query.Q), cancellationToken);
        IsEmpty = TotalCount == 0 && !await db.DocumentsVisibleTo(UserId).AnyAsync(cancellationToken);
        if (last is not null && skip + query.PageSize < TotalCount)
        {
            NextCursor = last.Protect(protection, query);
        }

        return Page();
    }

    /// <summary>A page in the order of the sort asked for, and the cursor after its last document.</summary>
    private static async Task<(IReadOnlyList<DocumentSummary>, DocumentCursor?)> SortedPageAsync(
        DocumentQuery query, IQueryable<Document> matching, int skip, CancellationToken cancellationToken)
    {
        var page = await query.Order(matching).Skip(skip).Take(query.PageSize)
            .Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        return (page, page.Count > 0 ? DocumentCursor.After(page[^1], query) : null);
    }

    /// <summary>A page of the ranked order `/search` shows too, and the cursor after its last document.</summary>
    private async Task<(IReadOnlyList<DocumentSummary>, DocumentCursor?)> RankedPageAsync(DocumentQuery query, int skip, CancellationToken cancellationToken)
    {
        var page = (await query.Ranked(db, search, UserId).PageAsync(skip, query.PageSize, cancellationToken)).Documents;
        return ([.. page.Select(r => r.Document)], page.Count > 0 ? DocumentCursor.After(page[^1].Place) : null);
    }
}
