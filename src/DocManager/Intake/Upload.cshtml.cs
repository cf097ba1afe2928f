using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DocManager.Intake;

/// <summary>
/// `/upload`: one or several files with their fields. The POST body is read as a stream by the
/// intake, never buffered: the usual form binding and automatic anti-forgery check (both of which
/// read the whole body first) are off here, and the intake checks the token before any file byte.
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
        var result = await intake.AcceptAsync(HttpContext, User.GetUserId(), cancellationToken);
        if (result.Succeeded)
        {
            var documents = result.Documents!;
            return LocalRedirect(documents.Count == 1 ? $"/documents/{documents[0].Id}" : "/documents");
        }

        this.AddErrors(result.Errors);
        Form = DocumentForm.From(result.Submitted, titleOptional: true);
        Response.StatusCode = result.Status;
        return Page();
    }
}
