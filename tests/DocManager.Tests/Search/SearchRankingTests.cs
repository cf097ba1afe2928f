using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>Results are ranked: a document with the word in its title comes before one that only mentions it, however often.</summary>
public sealed class SearchRankingTests
{
    [Theory]
    [OnEachDatabase]
    public async Task TitleMatches_ComeBeforeBodyAndDescriptionMatches(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        // Created first, so it would come last if the newest were listed first.
        var inTitle = await browser.CreateNoteIdAsync("Narwhal sightings", KeyValuePair.Create("description", "A short list"));
        var inDescription = await browser.CreateNoteIdAsync("Meeting minutes", KeyValuePair.Create("description", string.Join(' ', Enumerable.Repeat("narwhal", 40))));
        var inBody = await browser.UploadDocumentAsync(TestFile.Text("log.txt", string.Join(' ', Enumerable.Repeat("narwhal narwhal tusk", 200))), new KeyValuePair<string, string>("title", "Expedition log"));
        await app.WaitForJobsAsync();

        var searched = await browser.SearchIdsAsync("narwhal");
        var listed = await browser.ListMatchIdsAsync("narwhal");

        Assert.Equal(inTitle, searched[0]);
        Assert.Equal([inTitle, inDescription, inBody], searched.Order().ToList());
        Assert.Equal(searched, listed);
        Assert.Equal(inTitle, (await browser.SearchIdsAsync("narwh"))[0]);
    }

    [Theory]
    [OnEachDatabase]
    public async Task AnExplicitSort_OnTheList_OverridesRelevance(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var inTitle = await browser.CreateNoteIdAsync("Zebra crossing");
        var inDescription = await browser.CreateNoteIdAsync("Animal census", KeyValuePair.Create("description", "zebra zebra zebra"));

        Assert.Equal([inTitle, inDescription], (await browser.ListMatchIdsAsync("zebra")).ToList());
        Assert.Equal([inDescription, inTitle], (await browser.ListIdsAsync("/documents?q=zebra&sort=title")).ToList());
    }
}
