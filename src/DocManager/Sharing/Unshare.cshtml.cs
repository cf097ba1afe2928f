using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Sharing;

/// <summary>`POST /documents/{id}/shares/{userId}/delete`: the owner takes a viewer's access back.</summary>
public sealed class UnshareModel(AppDbContext db, ShareService shares) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => this.BackToDocumentAsync(db, id, cancellationToken);

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, [FromRoute] int userId, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        await shares.UnshareAsync(document!, userId, cancellationToken);
        Notice = "Sharing stopped.";
        return LocalRedirect($"/documents/{id}");
    }
}
