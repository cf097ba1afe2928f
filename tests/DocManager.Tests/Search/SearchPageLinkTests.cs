using DocManager.Search;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>Search results open the viewer at the first page where the searched words are (SPEC §8).</summary>
public sealed class SearchPageLinkTests
{
    private const string Filler = "and a line of ordinary words long enough that the page reads as printed text";

    [Fact]
    public async Task AHitOnPageThree_LinksToTheViewerAtPageThree()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(MultiPagePdf.Create("minutes.pdf",
            $"Page one is the agenda {Filler}", $"Page two lists who came {Filler}", $"Page three mentions casquets {Filler}"));
        await app.WaitForJobsAsync();

        var results = await owner.GetPageAsync("/search?q=casquets");
        var agenda = await owner.GetPageAsync("/search?q=agenda");

        Assert.Equal($"/documents/{id}?page=3", results.Card(id)?.QuerySelector(".doc-title a")?.GetAttribute("href"));
        Assert.Equal($"/documents/{id}", agenda.Card(id)?.QuerySelector(".doc-title a")?.GetAttribute("href"));
        var viewer = await owner.GetPageAsync($"/documents/{id}?page=3");
        Assert.EndsWith($"/documents/{id}/pages/3", viewer.QuerySelector("img.viewer-page")?.GetAttribute("src")?.Split('?')[0], StringComparison.Ordinal);
        Assert.Equal("Page 3 of 3 of “minutes”", viewer.QuerySelector("img.viewer-page")?.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("first page\fsecond page\fthird casquets", "casquets", 3)]
    [InlineData("casquets first\fsecond casquets", "casquets", 1)]
    [InlineData("no separators at all, casquets", "casquets", 1)]
    [InlineData("one\ftwo", "missing", null)]
    public void PageOf_CountsTheSeparatorsBeforeTheFirstMatch(string text, string query, int? page) =>
        Assert.Equal(page, Snippets.PageOf(SearchTerms.Parse(query), text));
}
