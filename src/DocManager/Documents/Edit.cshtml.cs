using DocManager.Data;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Documents;

/// <summary>The owner changes a document's fields: a viewer gets 403, anyone else 404.</summary>
public sealed class EditModel(AppDbContext db, DocumentWriter writer) : PageModel
{
    public int Id { get; private set; }

    public DocumentForm Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        await db.Entry(document!).Collection(d => d.Tags).LoadAsync(cancellationToken);
        Id = id;
        Form = DocumentForm.From(document!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        Id = id;
        var (input, form) = DocumentForm.Read(await Request.ReadFormAsync(cancellationToken));
        Form = form;
        var validation = DocumentRules.Validate(input);
        if (!validation.IsValid)
        {
            this.AddErrors(validation.Errors);
            return Invalid(StatusCodes.Status400BadRequest);
        }

        var result = await writer.UpdateAsync(document!, validation.Fields!, cancellationToken);
        if (!result.Succeeded)
        {
            this.AddError(result.Field!, result.Error!);
            return Invalid(result.Status);
        }

        return LocalRedirect($"/documents/{id}");
    }

    private PageResult Invalid(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
