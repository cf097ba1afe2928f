using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Documents;

/// <summary>The user's documents. Until the first upload it shows how to start.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
