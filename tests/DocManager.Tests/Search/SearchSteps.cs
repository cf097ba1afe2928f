using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

internal static class SearchSteps
{
    /// <summary>The ids `/search?q=` lists, in its order.</summary>
    public static async Task<List<int>> SearchIdsAsync(this Browser browser, string query) =>
        (await browser.SearchPageAsync(query)).QuerySelectorAll("#search-results li.doc-card")
            .Select(li => int.Parse(li.GetAttribute("data-document-id")!, CultureInfo.InvariantCulture)).ToList();

    public static async Task<IHtmlDocument> SearchPageAsync(this Browser browser, string query)
    {
        using var response = await browser.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadHtmlAsync();
    }

    public static async Task<List<(int Id, string Title)>> SuggestAsync(this Browser browser, string query)
    {
        using var response = await browser.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. json.RootElement.EnumerateArray().Select(e => (e.GetProperty("id").GetInt32(), e.GetProperty("title").GetString()!))];
    }

    /// <summary>The ids `/api/documents?q=` returns on its first page, in its order.</summary>
    public static async Task<IReadOnlyList<int>> ApiSearchIdsAsync(this Browser browser, string query) =>
        (await browser.Api().GetJsonAsync("/api/documents?q=" + Uri.EscapeDataString(query))).GetProperty("items").Ids();

    /// <summary>The ids `/documents?q=` lists, in its order.</summary>
    public static Task<IReadOnlyList<int>> ListMatchIdsAsync(this Browser browser, string query) =>
        browser.ListIdsAsync("/documents?q=" + Uri.EscapeDataString(query));

    /// <summary>Asserts that `/search` and `/documents?q=` both find exactly these documents (in any order).</summary>
    public static async Task AssertFindsAsync(this Browser browser, string query, params int[] expected)
    {
        var search = await browser.SearchIdsAsync(query);
        var list = await browser.ListMatchIdsAsync(query);
        Assert.True(search.Order().SequenceEqual(expected.Order()), $"/search?q={query} found [{string.Join(", ", search)}], expected [{string.Join(", ", expected)}]");
        Assert.True(list.Order().SequenceEqual(expected.Order()), $"/documents?q={query} found [{string.Join(", ", list)}], expected [{string.Join(", ", expected)}]");
    }

    /// <summary>The ids `/api/suggest?q=` offers, in its order.</summary>
    public static async Task<List<int>> SuggestIdsAsync(this Browser browser, string query) =>
        [.. (await browser.SuggestAsync(query)).Select(s => s.Id)];
}
