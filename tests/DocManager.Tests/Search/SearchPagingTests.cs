using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>`/search` pages its results: the page number must be a whole number from 1; past the end is simply empty.</summary>
public sealed class SearchPagingTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task AnInvalidPageNumber_Answers400(string page)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Heron survey");

        using var response = await browser.GetAsync("/search?q=heron&page=" + Uri.EscapeDataString(page));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.NotNull(html.QuerySelector("[role=alert]"));
        Assert.Empty(html.QuerySelectorAll("#search-results li.doc-card"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Pages_SplitTheResults_AndAPageFarPastTheEndIsEmpty(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var ids = await browser.CreateNotesAsync(Enumerable.Range(1, 23).Select(i => $"Heron survey {i:D2}"));

        var first = await browser.GetPageAsync("/search?q=heron");
        var second = await browser.GetPageAsync("/search?q=heron&page=2");
        var beyond = await browser.GetPageAsync("/search?q=heron&page=3");

        Assert.Equal(20, first.CardIds().Count);
        Assert.Equal(3, second.CardIds().Count);
        Assert.Equal(ids.Order(), first.CardIds().Concat(second.CardIds()).Order());
        Assert.Equal("/search?q=heron&page=2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Empty(beyond.CardIds());
        foreach (var huge in new[] { "107374184", "2147483647" })
        {
            Assert.Empty((await browser.GetPageAsync("/search?q=heron&page=" + huge)).CardIds());
            Assert.Empty(await browser.ListIdsAsync("/documents?q=heron&pageSize=100&page=" + huge));
        }
    }
}
