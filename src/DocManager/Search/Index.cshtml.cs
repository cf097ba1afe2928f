using System.Globalization;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Search;

/// <summary>`/search?q=`: ranked results over titles, descriptions, tags, file names and file text.</summary>
public sealed class IndexModel(SearchService search) : PageModel
{
    public const int PageSize = 20;

    public string Query { get; private set; } = "";

    public int PageNumber { get; private set; } = 1;

    public SearchResults? Results { get; private set; }

    public string? Error { get; private set; }

    public int PageCount => Results is null ? 0 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        // Not trimmed: a trailing space ends the last word, which then no longer matches as a prefix.
        Query = q ?? "";
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1))
        {
            Error = "'page' must be a whole number, 1 or more.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = page is null ? 1 : int.Parse(page, CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = await search.SearchAsync(Query, User.GetUserId(), PageNumber, PageSize, cancellationToken);
        }

        return Page();
    }

    public string PageLink(int page) => page == 1
        ? "/search" + QueryString.Create("q", Query)
        : "/search" + (QueryString.Create("q", Query) + QueryString.Create("page", page.ToString(CultureInfo.InvariantCulture)));
}
