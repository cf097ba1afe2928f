using DocManager.Data;
using DocManager.Sessions;
using DocManager.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>The documents the user can see: their own and those shared with them, filtered, sorted and paged.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public DocumentQuery Query { get; private set; } = DocumentQuery.Default;

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public int TotalCount { get; private set; }

    public long TotalSize { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + Query.PageSize - 1) / Query.PageSize);

    public string? Error { get; private set; }

    /// <summary>True when the user has no documents at all (not just none matching the filters).</summary>
    public bool IsEmpty { get; private set; }

    public int UserId { get; private set; }

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
        var matching = query.Filter(db, UserId);
        var totals = await matching.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Size = g.Sum(d => d.Size) })
            .SingleOrDefaultAsync(cancellationToken);
        TotalCount = totals?.Count ?? 0;
        TotalSize = totals?.Size ?? 0;
        Documents = TotalCount == 0 ? [] : await query.Order(matching)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(DocumentSummary.Projection)
            .ToListAsync(cancellationToken);
        IsEmpty = TotalCount == 0 && !await db.DocumentsVisibleTo(UserId).AnyAsync(cancellationToken);
        return Page();
    }
}
