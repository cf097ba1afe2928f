using DocManager.Data;
using DocManager.Documents;
using DocManager.Intake;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DocManager.Versions;

/// <summary>
/// `/documents/{id}/file` (SPEC §9): the owner uploads a new version of the file. As on `/upload`, the
/// body is streamed by the intake, which checks the anti-forgery token itself; who may is decided
/// before the body is read (404 for a stranger, 403 for a viewer).
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
public sealed class ReplaceFileModel(AppDbContext db, IntakeService intake, IOptions<UploadLimits> limits) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public UploadLimits Limits => limits.Value;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        (Id, Title) = (id, document!.Title);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        (Id, Title) = (id, document!.Title);
        await using var upload = new UploadForm();
        var replaced = await intake.ReplaceAsync(HttpContext, upload, document, User.GetUserId(), cancellationToken);
        if (!replaced.Succeeded)
        {
            return this.Refused(replaced.Refusal);
        }

        Notice = $"Version {replaced.Value.Number} uploaded; the earlier versions are kept.";
        return LocalRedirect($"/documents/{id}");
    }
}
