using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DocManager.Intake;

/// <summary>
/// `/upload`: one or several files with their fields. The POST body is read as a stream by the
/// intake, never buffered: the usual form binding and automatic anti-forgery check (both of which
/// read the whole body first) are off here, and the intake checks the token itself, wherever it comes.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
public sealed class UploadModel(IntakeService intake, IOptions<UploadLimits> limits) : PageModel
{
    public DocumentForm Form { get; private set; } = new() { TitleOptional = true };

    public UploadLimits Limits => limits.Value;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var upload = new UploadForm();
        var created = await intake.AcceptAsync(HttpContext, upload, User.GetUserId(), cancellationToken);
        if (created.Succeeded)
        {
            return LocalRedirect(created.Value.Count == 1 ? $"/documents/{created.Value[0].Id}" : "/documents");
        }

        Form = upload.Typed();
        Form.TitleOptional = true;
        return this.Refused(created.Refusal);
    }
}
