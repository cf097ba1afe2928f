using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Documents;

internal static class PageModelExtensions
{
    /// <summary>Shows each message beside its field; the caller re-renders the form with the given status.</summary>
    public static void AddErrors(this PageModel page, IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                page.ModelState.AddModelError(field, message);
            }
        }
    }

    public static void AddError(this PageModel page, string field, string message) => page.ModelState.AddModelError(field, message);
}
