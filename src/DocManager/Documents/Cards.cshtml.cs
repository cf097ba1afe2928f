using DocManager.Data;
using DocManager.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Documents;

/// <summary>
/// `/documents/cards`: the next cards of `/documents` after a cursor, as an HTML fragment that
/// infinite scroll appends. Rendered by the list's own `_DocumentCard` partial, so an appended card
/// is the card the page shows (lost-update ETag, escaping and all; decision 16). Takes what
/// `/api/documents` takes — the list's filters, `limit` and `cursor` — and reads the page through it.
/// </summary>
public sealed class CardsModel(AppDbContext db, ISearchIndex search, IDataProtectionProvider protection) : PageModel
{
    public IReadOnlyList<DocumentCard> Cards { get; private set; } = [];

    /// <summary>Where the following page starts; null after the last.</summary>
    public string? NextCursor { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, error) = await DocumentsApi.PageAfterCursorAsync(HttpContext, db, search, protection, cancellationToken);
        if (page is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Cards = await DocumentCards.BuildAsync(db, page.Items, page.UserId, SearchTerms.Parse(page.Query.Q), cancellationToken);
        NextCursor = page.NextCursor;
        return Page();
    }
}
