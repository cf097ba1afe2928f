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
        var (input, form) = DocumentForm.Read(await Request.ReadFormAsync(cancellationToken));
        Form = form;
        var validation = DocumentRules.Validate(input);
        if (!validation.IsValid)
        {
            this.AddErrors(validation.Errors);
            return Invalid(StatusCodes.Status400BadRequest);
        }

        var result = await writer.CreateAsync(User.GetUserId(), [new NewDocument(validation.Fields!, File: null)], cancellationToken);
        if (!result.Succeeded)
        {
            this.AddError(result.Field!, result.Error!);
            return Invalid(result.Status);
        }

        return LocalRedirect($"/documents/{result.Documents![0].Id}");
    }

    private PageResult Invalid(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
