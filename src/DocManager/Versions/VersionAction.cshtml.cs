using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Versions;

/// <summary>
/// `POST /documents/{id}/versions/{n}/restore` and `/delete` (SPEC §9), owner only: back to the
/// document with a notice, or this page with the reason and its status (400 for the current version).
/// </summary>
public sealed class VersionActionModel(AppDbContext db, DocumentWriter writer) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public int DocumentId { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The form's address opened with GET (a reload): back to the document.</summary>
    public Task<IActionResult> OnGetRestoreAsync(int id, CancellationToken cancellationToken) => this.BackToDocumentAsync(db, id, cancellationToken);

    /// <inheritdoc cref="OnGetRestoreAsync"/>
    public Task<IActionResult> OnGetDeleteAsync(int id, CancellationToken cancellationToken) => this.BackToDocumentAsync(db, id, cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync([FromRoute] int id, [FromRoute] int number, CancellationToken cancellationToken)
    {
        var (_, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        var restored = await writer.RestoreVersionAsync(id, number, User.GetUserId(), cancellationToken);
        if (!restored.Succeeded)
        {
            return Refused(id, restored.Refusal);
        }

        Notice = $"Version {number} restored as version {restored.Value.Number}.";
        return LocalRedirect($"/documents/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] int id, [FromRoute] int number, CancellationToken cancellationToken)
    {
        var (_, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        if (await writer.DeleteVersionAsync(id, number, User.GetUserId(), cancellationToken) is { } refusal)
        {
            return Refused(id, refusal);
        }

        Notice = $"Version {number} deleted.";
        return LocalRedirect($"/documents/{id}");
    }

    private IActionResult Refused(int id, Refusal refusal)
    {
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        DocumentId = id;
        Error = refusal.FirstMessage;
        Response.StatusCode = refusal.Status;
        return Page();
    }
}
