using DocManager.Data;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

internal static class PageModelExtensions
{
    /// <summary>The form again, with the refusal's status and each message beside its field (SPEC §3).</summary>
    public static PageResult Refused(this PageModel page, Refusal refusal)
    {
        foreach (var (field, messages) in refusal.Errors)
        {
            foreach (var message in messages)
            {
                page.ModelState.AddModelError(field, message);
            }
        }

        page.Response.StatusCode = refusal.Status;
        return page.Page();
    }

    /// <summary>403 for a viewer (who knows the document exists), 404 for anyone else.</summary>
    public static IActionResult Refuse(this PageModel page, Access access) =>
        access == Access.Forbidden ? page.StatusCode(StatusCodes.Status403Forbidden) : page.NotFound();

    /// <summary>
    /// Back to the document's page, for a form's address opened with GET (a reload): 404 as that page
    /// would answer when the user may not see it, rather than a redirect to nothing.
    /// </summary>
    public static async Task<IActionResult> BackToDocumentAsync(this PageModel page, AppDbContext db, int id, CancellationToken cancellationToken) =>
        await db.DocumentsVisibleTo(page.User.GetUserId()).AnyAsync(d => d.Id == id, cancellationToken)
            ? page.LocalRedirect($"/documents/{id}")
            : page.NotFound();
}
