using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>
/// Reading a ranked search to its end on each of the three faces that show one: the `/search` page
/// and the `/documents?q=` list (page by page, following their Next links) and `/api/documents?q=`
/// (following `nextCursor`), as a user or a script would.
/// </summary>
internal static class RankedOrderSteps
{
    private const int MostPages = 50;

    /// <summary>Every id `/search?q=` lists, page after page, and the count the first page announces.</summary>
    public static Task<(List<int> Ids, int Total)> SearchToTheEndAsync(this Browser browser, string query) =>
        browser.FollowNextLinksAsync("/search?q=" + Uri.EscapeDataString(query));

    /// <summary>Every id `/documents?q=` lists, page after page, and the count the first page announces.</summary>
    public static Task<(List<int> Ids, int Total)> ListToTheEndAsync(this Browser browser, string query, int pageSize) =>
        browser.FollowNextLinksAsync($"/documents?q={Uri.EscapeDataString(query)}&pageSize={pageSize}");

    /// <summary>
    /// Follows `nextCursor` from the first page of `/api/documents?{query}` (or from <paramref name="cursor"/>)
    /// to the end, calling <paramref name="betweenPages"/> after each page that has a next one.
    /// </summary>
    public static async Task<List<int>> WalkApiAsync(this ApiClient api, string query, int limit, Func<Task>? betweenPages = null, string? cursor = null)
    {
        var ids = new List<int>();
        for (var pages = 1; pages <= MostPages; pages++)
        {
            var after = cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor);
            var page = await api.GetJsonAsync($"/api/documents?{query}&limit={limit}{after}");
            ids.AddRange(page.GetProperty("items").Ids());
            cursor = page.GetProperty("nextCursor") is { ValueKind: JsonValueKind.String } next ? next.GetString() : null;
            if (cursor is null)
            {
                return ids;
            }

            if (betweenPages is not null)
            {
                await betweenPages();
            }
        }

        throw new InvalidOperationException($"/api/documents?{query} did not end within {MostPages} pages");
    }

    private static async Task<(List<int> Ids, int Total)> FollowNextLinksAsync(this Browser browser, string url)
    {
        var ids = new List<int>();
        int? total = null;
        for (var pages = 1; pages <= MostPages; pages++)
        {
            var page = await browser.GetPageAsync(url);
            total ??= int.Parse(page.QuerySelector("[data-total-count]")?.GetAttribute("data-total-count") ?? "0", CultureInfo.InvariantCulture);
            ids.AddRange(page.CardIds());
            if (page.QuerySelector("a[rel=next]")?.GetAttribute("href") is not { } next)
            {
                return (ids, total.Value);
            }

            url = next;
        }

        throw new InvalidOperationException($"{url} did not end within {MostPages} pages");
    }
}
