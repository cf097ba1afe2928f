using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>The index changes with the document: what an edit removes is no longer found, what it adds is, and a deleted document is gone.</summary>
public sealed class IndexFollowsEditsTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Rename_FindsTheNewTitleWords_AndNoLongerTheOldOnes(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Walrus inventory");
        await browser.AssertFindsAsync("walrus", id);

        await browser.EditDocumentAsync(id, KeyValuePair.Create("title", "Pelican inventory"));

        await browser.AssertFindsAsync("walrus");
        await browser.AssertFindsAsync("pelican", id);
        await browser.AssertFindsAsync("inventory", id);
    }

    [Theory]
    [OnEachDatabase]
    public async Task DescriptionAndTagEdits_ChangeWhatIsFound(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Quarterly figures", new("description", "The aardvark budget"), new("tags", "marmoset"));
        await browser.AssertFindsAsync("aardvark", id);
        await browser.AssertFindsAsync("marmoset", id);

        await browser.EditDocumentAsync(id, new("description", "The okapi budget"), new("tags", "quokka"));

        await browser.AssertFindsAsync("aardvark");
        await browser.AssertFindsAsync("marmoset");
        await browser.AssertFindsAsync("okapi", id);
        await browser.AssertFindsAsync("quokka", id);
        await browser.AssertFindsAsync("quarterly", id);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Rename_KeepsTheFilesTextSearchable(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Text("memo.txt", "Ask about the xylophone repair.\n"), new KeyValuePair<string, string>("title", "First memo"));
        await app.WaitForJobsAsync();

        await browser.EditDocumentAsync(id, new("title", "Second memo"), new("description", "Rewritten"));

        await browser.AssertFindsAsync("xylophone", id);
        await browser.AssertFindsAsync("first");
    }

    [Theory]
    [OnEachDatabase]
    public async Task Delete_RemovesTheDocumentFromResults(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var kept = await browser.CreateNoteIdAsync("Kestrel census");
        var doomed = await browser.UploadDocumentAsync(TestFile.Text("count.txt", "Kestrel count near the zeppelin hangar.\n"), new KeyValuePair<string, string>("title", "Kestrel count"));
        await app.WaitForJobsAsync();
        await browser.AssertFindsAsync("kestrel", kept, doomed);
        await browser.AssertFindsAsync("zeppelin", doomed);

        await browser.DeleteDocumentAsync(doomed);

        await browser.AssertFindsAsync("kestrel", kept);
        await browser.AssertFindsAsync("zeppelin");
        Assert.Equal([kept], await browser.SuggestIdsAsync("kest"));
    }
}
