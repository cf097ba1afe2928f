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

    /// <summary>Where `/documents/cards` continues after this page (for infinite scroll); null on the last page or in relevance order.</summary>
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
        IReadOnlyList<DocumentSummary> documents = (long)(query.Page - 1) * query.PageSize >= TotalCount ? [] : await PageAsync(query, matching, cancellationToken);
        Cards = await DocumentCards.BuildAsync(db, documents, UserId, SearchTerms.Parse(query.Q), cancellationToken);
        IsEmpty = TotalCount == 0 && !await db.DocumentsVisibleTo(UserId).AnyAsync(cancellationToken);
        if (query.Sort is not null && documents.Count > 0 && (long)query.Page * query.PageSize < TotalCount)
        {
            NextCursor = DocumentCursor.After(documents[^1], query, titleMatch: 0).Protect(protection, query);
        }

        return Page();
    }

    private async Task<IReadOnlyList<DocumentSummary>> PageAsync(DocumentQuery query, IQueryable<Document> matching, CancellationToken cancellationToken)
    {
        var skip = (query.Page - 1) * query.PageSize;
        if (query.Sort is not null)
        {
            return await query.Order(matching).Skip(skip).Take(query.PageSize)
                .Select(DocumentSummary.Projection).ToListAsync(cancellationToken);
        }

        var ids = await query.RankedIds(matching, search, UserId).Skip(skip).Take(query.PageSize).ToListAsync(cancellationToken);
        var summaries = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(DocumentSummary.Projection).ToDictionaryAsync(d => d.Id, cancellationToken);
        return [.. ids.Where(summaries.ContainsKey).Select(id => summaries[id])];
    }
}
