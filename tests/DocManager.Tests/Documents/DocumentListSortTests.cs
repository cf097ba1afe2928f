using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`GET /documents?sort=` (SPEC §3): each of the six orders, on each database.</summary>
public sealed class DocumentListSortTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Sort_EachOrder_ListsTheDocumentsInThatOrder(Backend backend)
    {
        // GIVEN three documents whose dates, titles and sizes each order them differently:
        //   made first "Bravo" (500 bytes), then "alpha" (a note, 0 bytes), then "charlie" (200 bytes).
        // Title order ignores case: alpha < Bravo < charlie (a case-sensitive order would put Bravo first).
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var bravo = await browser.UploadDocumentAsync(TestFile.Text("b.txt", new string('b', 500)), new KeyValuePair<string, string>("title", "Bravo"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var alpha = await browser.CreateNoteIdAsync("alpha");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var charlie = await browser.UploadDocumentAsync(TestFile.Text("c.txt", new string('c', 200)), new KeyValuePair<string, string>("title", "charlie"));

        Assert.Equal([bravo, alpha, charlie], await browser.ListIdsAsync("/documents?sort=date"));
        Assert.Equal([charlie, alpha, bravo], await browser.ListIdsAsync("/documents?sort=-date"));
        Assert.Equal([alpha, bravo, charlie], await browser.ListIdsAsync("/documents?sort=title"));
        Assert.Equal([charlie, bravo, alpha], await browser.ListIdsAsync("/documents?sort=-title"));
        Assert.Equal([alpha, charlie, bravo], await browser.ListIdsAsync("/documents?sort=size"));
        Assert.Equal([bravo, charlie, alpha], await browser.ListIdsAsync("/documents?sort=-size"));
    }

    [Fact]
    public async Task Sort_ByDefault_IsNewestFirst()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var first = await browser.CreateNoteIdAsync("Zulu first");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await browser.CreateNoteIdAsync("Alpha second");

        Assert.Equal([second, first], await browser.ListIdsAsync("/documents"));
    }
}
