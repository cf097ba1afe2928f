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

    /// <summary>The version the form was loaded with; a save from an older one is refused.</summary>
    public int Version { get; private set; }

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
        Version = document!.Version;
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
        var posted = await Request.ReadFormAsync(cancellationToken);
        Form = DocumentForm.Read(posted);
        // A form without a version (an old page, a script) saves as before; one with a version must match.
        int? sentVersion = posted.ContainsKey("version") ? ParseVersion(posted["version"]) : null;
        Version = sentVersion ?? document!.Version;
        var fields = DocumentRules.Validate(Form.ToInput());
        if (!fields.Succeeded)
        {
            return this.Refused(fields.Refusal);
        }

        var updated = await writer.UpdateAsync(document!, fields.Value, sentVersion, cancellationToken);
        return updated.Succeeded ? LocalRedirect($"/documents/{id}") : this.Refused(updated.Refusal);
    }

    /// <summary>A version that is not a number is refused, never taken for the current one (which would skip the check).</summary>
    private static int ParseVersion(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException("'version' must be the version number the form was loaded with");
}
