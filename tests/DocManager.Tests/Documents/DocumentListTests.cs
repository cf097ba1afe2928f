using System.Globalization;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`GET /documents` (SPEC §3): what the list shows — totals, the empty state, and which actions each card offers.</summary>
public sealed class DocumentListTests
{
    [Theory]
    [OnEachDatabase]
    public async Task List_ShowsTheTotalCountAndSize_OfOwnAndSharedDocuments(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var big = TestFile.Pdf("big.pdf", extraBytes: 40_000);
        var small = TestFile.Text("small.txt", "twelve bytes");
        var shared = await owner.UploadDocumentAsync(big);
        await owner.UploadDocumentAsync(small);
        await owner.CreateNoteIdAsync("A note weighs nothing");
        await owner.ShareDocumentAsync(shared, viewer);
        var own = TestFile.Png("mine.png");
        await viewer.UploadDocumentAsync(own);

        var ownerList = await owner.GetPageAsync("/documents");
        var viewerList = await viewer.GetPageAsync("/documents");

        Assert.Equal((3, big.Content.Length + small.Content.Length), Totals(ownerList));
        Assert.Equal((2, big.Content.Length + own.Content.Length), Totals(viewerList));
        Assert.Equal(3, ownerList.CardIds().Count);
    }

    [Fact]
    public async Task List_Totals_CountEveryMatchingDocument_NotJustThisPage()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = TestFile.Text("data.txt", "0123456789");
        await browser.UploadDocumentAsync(file, new KeyValuePair<string, string>("category", "report"));
        await browser.CreateNotesAsync(Enumerable.Range(0, 11).Select(i => $"Report note {i}"), new KeyValuePair<string, string>("category", "report"));

        await browser.CreateNoteIdAsync("Not a report");

        var page = await browser.GetPageAsync("/documents?category=report&pageSize=10&page=2");

        Assert.Equal((12, 10L), Totals(page));
        Assert.Equal(2, page.CardIds().Count);
    }

    [Fact]
    public async Task List_ForANewUser_ShowsTheEmptyStateWithALinkToUpload()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        var page = await browser.GetPageAsync("/documents");

        Assert.Empty(page.CardIds());
        var emptyState = page.QuerySelector("main .empty-state");
        Assert.NotNull(emptyState);
        Assert.NotNull(emptyState.QuerySelector("a[href='/upload']"));
    }

    [Fact]
    public async Task List_WithDocuments_ShowsNoEmptyState()
    {
        // The control for the empty-state test.
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("First note");

        var page = await browser.GetPageAsync("/documents");

        Assert.Null(page.QuerySelector("main .empty-state"));
        Assert.Single(page.CardIds());
    }

    [Fact]
    public async Task List_OffersEditAndDelete_OnlyOnTheOwnersOwnCards()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var shared = await owner.UploadDocumentAsync(TestFile.Pdf("shared.pdf"));
        await owner.ShareDocumentAsync(shared, viewer);
        var own = await viewer.CreateNoteIdAsync("Viewer's own note");

        var page = await viewer.GetPageAsync("/documents");

        var sharedCard = page.Card(shared)!;
        Assert.NotNull(sharedCard.QuerySelector($"a[href='/documents/{shared}']"));
        Assert.NotNull(sharedCard.QuerySelector($"a[href='/files/{shared}']"));
        Assert.Null(sharedCard.QuerySelector($"a[href='/documents/{shared}/edit']"));
        Assert.Null(sharedCard.QuerySelector($"a[href='/documents/{shared}/delete']"));
        var ownCard = page.Card(own)!;
        Assert.NotNull(ownCard.QuerySelector($"a[href='/documents/{own}/edit']"));
        Assert.NotNull(ownCard.QuerySelector($"a[href='/documents/{own}/delete']"));
        Assert.Null(ownCard.QuerySelector($"a[href='/files/{own}']")); // a note has nothing to download
        var ownerCard = (await owner.GetPageAsync("/documents")).Card(shared)!;
        Assert.NotNull(ownerCard.QuerySelector($"a[href='/documents/{shared}/edit']"));
        Assert.NotNull(ownerCard.QuerySelector($"a[href='/documents/{shared}/delete']"));
    }

    private static (int Count, long Size) Totals(AngleSharp.Html.Dom.IHtmlDocument page) =>
        (int.Parse(page.QuerySelector("[data-total-count]")!.GetAttribute("data-total-count")!, CultureInfo.InvariantCulture),
         long.Parse(page.QuerySelector("[data-total-size]")!.GetAttribute("data-total-size")!, CultureInfo.InvariantCulture));
}
