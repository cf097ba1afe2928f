using DocManager.Data;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Documents;

/// <summary>`GET` asks for confirmation (so deleting works without JavaScript); `POST` deletes the row and the stored file.</summary>
public sealed class DeleteModel(AppDbContext db, DocumentWriter writer) : PageModel
{
    public Document Document { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        Document = document!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var (document, access) = await db.FindForChangeAsync(id, User.GetUserId(), cancellationToken);
        if (access != Access.Allowed)
        {
            return this.Refuse(access);
        }

        await writer.DeleteAsync(document!, cancellationToken);
        Notice = $"Deleted “{document!.Title}”.";
        return LocalRedirect("/documents");
    }
}
