using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Documents;

/// <summary>A note: a document without a file.</summary>
public sealed class NewModel(DocumentWriter writer) : PageModel
{
    public DocumentForm Form { get; private set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form = DocumentForm.Read(await Request.ReadFormAsync(cancellationToken));
        var fields = DocumentRules.Validate(Form.ToInput());
        if (!fields.Succeeded)
        {
            return this.Refused(fields.Refusal);
        }

        var created = await writer.CreateAsync(User.GetUserId(), [new NewDocument(fields.Value, File: null)], cancellationToken);
        return created.Succeeded ? LocalRedirect($"/documents/{created.Value[0].Id}") : this.Refused(created.Refusal);
    }
}
