using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.History;

/// <summary>`/documents/{id}/history`: the owner's view of who did what and when (403 for a viewer, 404 for anyone else).</summary>
public sealed class HistoryModel(AppDbContext db) : PageModel
{
    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        (Id, Title) = (id, document!.Title);
        Entries = await HistoryQueries.ListAsync(db, id, cancellationToken);
        return Page();
    }
}
