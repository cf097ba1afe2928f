using DocManager.Data;
using DocManager.Previews;
using DocManager.Sessions;
using DocManager.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>One document; for its owner also who it is shared with, and the form to share it.</summary>
public sealed class DetailsModel(AppDbContext db, ShareService shares, DocumentViewer viewer) : PageModel
{
    public DocumentSummary Document { get; private set; } = null!;

    /// <summary>The document itself: its pages, picture or text (SPEC §8).</summary>
    public ViewerContent Viewer { get; private set; } = null!;

    public IReadOnlyList<Viewer> Viewers { get; private set; } = [];

    /// <summary>Every version of the file, newest first (SPEC §9).</summary>
    public IReadOnlyList<Versions.VersionDto> FileVersions { get; private set; } = [];

    public bool IsOwner { get; private set; }

    public string? ShareWith { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>`GET /documents/{id}?page=n`: the viewer opens at page n (clamped to the pages there are).</summary>
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? page, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken, page) ? Page() : NotFound();

    public Task<IActionResult> OnGetSharesAsync(int id, CancellationToken cancellationToken) => this.BackToDocumentAsync(db, id, cancellationToken);

    /// <summary>`POST /documents/{id}/shares`: the owner shares read-only with a username.</summary>
    public async Task<IActionResult> OnPostSharesAsync([FromRoute] int id, [FromForm(Name = "username")] string? username, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        var problem = await shares.ShareAsync(document!, User.Identity!.Name!, username, cancellationToken);
        if (problem is not null)
        {
            await LoadAsync(id, cancellationToken);
            ShareWith = username;
            ModelState.AddModelError("username", problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Notice = $"Shared with {username!.Trim()}.";
        return LocalRedirect($"/documents/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, int? page = null)
    {
        var userId = User.GetUserId();
        var document = await db.DocumentsVisibleTo(userId).AsNoTracking().Where(d => d.Id == id)
            .Select(DocumentSummary.Projection).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return false;
        }

        Document = document;
        // What the summary leaves out (the stored name is the server's business): one more read for both.
        var file = await db.Documents.Where(d => d.Id == id).Select(d => new { d.StoredName, d.CurrentVersion }).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return false; // deleted in between
        }

        Viewer = await viewer.LoadAsync(document, page, file.StoredName, cancellationToken);
        FileVersions = await Versions.VersionQueries.ListAsync(db, id, file.CurrentVersion, cancellationToken);
        IsOwner = document.IsOwnedBy(userId);
        if (IsOwner)
        {
            Viewers = await shares.ViewersAsync(id, cancellationToken);
        }

        return true;
    }
}
