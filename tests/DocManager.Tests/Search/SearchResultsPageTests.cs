using System.Globalization;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>The `/search` page: a marked, escaped snippet per hit, the total count, and an empty state that helps.</summary>
public sealed class SearchResultsPageTests
{
    [Theory]
    [OnEachDatabase]
    public async Task EachHit_HasASnippetWithTheMatchedWordsMarked(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var described = await browser.CreateNoteIdAsync("Coastal notes", KeyValuePair.Create("description", "The annual budget for the lighthouse keeper and his boat"));
        var inFile = await browser.UploadDocumentAsync(TestFile.Text("diary.txt", "Rain all week. The lighthouse lamp failed on Tuesday.\n"), new KeyValuePair<string, string>("title", "Keeper diary"));
        await app.WaitForJobsAsync();

        var page = await browser.SearchPageAsync("lighthouse");

        foreach (var id in new[] { described, inFile })
        {
            var card = page.Card(id);
            Assert.NotNull(card);
            var snippet = card.QuerySelector(".doc-snippet");
            Assert.NotNull(snippet);
            Assert.Equal(["lighthouse"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()).Distinct());
        }

        Assert.Contains("lamp failed", page.Card(inFile)!.QuerySelector(".doc-snippet")!.TextContent, StringComparison.Ordinal);
        var both = await browser.SearchPageAsync("keeper lighth");
        var marked = both.Card(described)!.QuerySelectorAll(".doc-snippet mark").Select(m => m.TextContent.ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "keeper", "lighthouse" }, marked);
    }

    [Theory]
    [OnEachDatabase]
    public async Task TheSnippet_IsEscaped(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Markup attempt", KeyValuePair.Create("description", "<img src=x onerror=alert(1)> needle <b>bold</b> &amp; <mark>fake</mark>"));
        var fileId = await browser.UploadDocumentAsync(TestFile.Text("page.html.txt", "<script>alert(2)</script> needle <img src=y onerror=alert(3)>\n"), new KeyValuePair<string, string>("title", "Uploaded markup"));
        await app.WaitForJobsAsync();

        var page = await browser.SearchPageAsync("needle");

        Assert.Equal([id, fileId], page.CardIds().Order().ToList());
        var results = page.GetElementById("search-results")!;
        // The only images are the cards' own thumbnails; nothing the users wrote became an element.
        Assert.DoesNotContain(results.QuerySelectorAll("img, script, b"), e => e.ParentElement?.ClassList.Contains("doc-thumb") != true);
        Assert.All(results.QuerySelectorAll(".doc-thumb img"), img => Assert.StartsWith($"/documents/{fileId}/thumbnail?v=", img.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("img[onerror], script:not([src])"));
        foreach (var card in new[] { page.Card(id)!, page.Card(fileId)! })
        {
            var marks = card.QuerySelectorAll(".doc-snippet mark");
            Assert.Equal(["needle"], marks.Select(m => m.TextContent));
            Assert.All(marks, m => Assert.Empty(m.Children));
        }
    }

    [Theory]
    [OnEachDatabase]
    public async Task TheTotalCount_IsShown(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.CreateNotesAsync(Enumerable.Range(1, 23).Select(i => $"Osprey nest {i:D2}"));

        await browser.CreateNoteIdAsync("Unrelated");

        var page = await browser.SearchPageAsync("osprey");

        var summary = page.QuerySelector("[data-total-count]");
        Assert.NotNull(summary);
        Assert.Equal("23", summary.GetAttribute("data-total-count"));
        Assert.Contains("23", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, page.CardIds().Count);
        var single = (await browser.SearchPageAsync("unrelated")).QuerySelector("[data-total-count]");
        Assert.Equal(1.ToString(CultureInfo.InvariantCulture), single?.GetAttribute("data-total-count"));
    }

    [Fact]
    public async Task NoMatches_ShowAHelpfulEmptyStateWithALinkToTheDocuments()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Pelican survey");

        var page = await browser.SearchPageAsync("flamingo");

        var empty = page.QuerySelector(".empty-state");
        Assert.NotNull(empty);
        Assert.Contains("flamingo", empty.TextContent, StringComparison.Ordinal);
        Assert.NotNull(empty.QuerySelector("a[href='/documents']"));
        Assert.Null(page.GetElementById("search-results"));
        Assert.Equal("flamingo", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=q]")?.Value);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("-- %")]
    [InlineData("😀")]
    public async Task InputWithNoWords_ExplainsWhatCanBeSearched(string query)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Pelican survey");

        var page = await browser.SearchPageAsync(query);

        var empty = page.QuerySelector(".empty-state");
        Assert.NotNull(empty);
        Assert.Contains("Nothing to search for", empty.TextContent, StringComparison.Ordinal);
        Assert.Contains("letters and digits", empty.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("search-results"));
    }

    [Fact]
    public async Task NoQueryAtAll_ShowsTheSearchFormWithoutAnEmptyState()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        var page = await browser.GetPageAsync("/search");

        Assert.NotNull(page.QuerySelector("form[action='/search'] input[name=q]"));
        Assert.Null(page.QuerySelector(".empty-state"));
    }
}
