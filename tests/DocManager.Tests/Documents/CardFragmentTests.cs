using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Security;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Documents;

/// <summary>
/// `/documents/cards`, the fragment infinite scroll appends to `/documents`: the list's next page after
/// its cursor, rendered by the page's own card partial — so an appended card is the page's card for the
/// same document, lost-update ETag and escaping included — under the list's filters, visibility and
/// refusals (issue 12, defect 4; decision 16).
/// </summary>
public sealed class CardFragmentTests
{
    [Theory]
    [OnEachDatabase]
    public async Task AnAppendedCard_IsThePagesCardForTheSameDocument(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var alice = app.CreateBrowser();
        var aliceName = await alice.RegisterNewUserAsync();
        using var bob = app.CreateBrowser();
        await bob.RegisterNewUserAsync();

        // GIVEN, oldest first so that they come after the first page of ten: a note Bob shares with
        // Alice, then a file of hers with tags and a priority, then ten notes of hers
        var shared = await bob.CreateNoteIdAsync("Plan for review", new Field("description", "Shared for comments."));
        await bob.ShareDocumentAsync(shared, aliceName);
        var file = await alice.UploadDocumentAsync(TestFile.Text("minutes.txt", "Minutes of the board.\n"),
            new Field("title", "Board minutes"), new Field("tags", "board, minutes"), new Field("priority", "high"));
        for (var i = 1; i <= 10; i++)
        {
            await alice.CreateNoteIdAsync($"Note {i:00}");
        }

        // WHEN infinite scroll fetches what follows the first page
        var appended = await alice.NextCardsAsync(await alice.GetPageAsync("/documents?pageSize=10"), limit: 10);

        // THEN it holds the documents of page 2, each card exactly as page 2 renders it, and nothing follows
        var second = await alice.GetPageAsync("/documents?page=2&pageSize=10");
        Assert.Equal([file, shared], appended.CardIds());
        Assert.Equal(second.CardIds(), appended.CardIds());
        foreach (var id in appended.CardIds())
        {
            Assert.Equal(second.Card(id)!.OuterHtml, appended.Card(id)!.OuterHtml);
        }

        Assert.Equal("", appended.QuerySelector("ul[data-cards]")!.GetAttribute("data-next-cursor"));

        // AND the owner's rename button names the version it shows, so a stale rename is refused;
        // the viewer's card has none
        var (_, etag) = await alice.Api().GetDocumentAsync(file);
        Assert.Equal(etag, appended.Card(file)!.QuerySelector("button[data-rename]")?.GetAttribute("data-etag"));
        Assert.Null(appended.Card(shared)!.QuerySelector("button[data-rename]"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task InASearch_AnAppendedCard_ShowsTheMatchedPassage_AsThePageDoes(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var alice = app.CreateBrowser();
        await alice.RegisterNewUserAsync();
        var ids = new List<int>();
        for (var i = 1; i <= 11; i++)
        {
            ids.Add(await alice.CreateNoteIdAsync($"Item {i:00}", new Field("description", $"Spending on item {i} stays within the budget of the year.")));
        }

        await alice.CreateNoteIdAsync("Unrelated memo");

        var appended = await alice.NextCardsAsync(await alice.GetPageAsync("/documents?q=budget&sort=-date&pageSize=10"), limit: 10);

        var second = await alice.GetPageAsync("/documents?q=budget&sort=-date&page=2&pageSize=10");
        Assert.Equal([ids[0]], appended.CardIds());
        Assert.Equal(second.Card(ids[0])!.OuterHtml, appended.Card(ids[0])!.OuterHtml);
        Assert.Equal(["budget"], appended.Card(ids[0])!.QuerySelectorAll(".doc-snippet mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task HostileTitlesDescriptionsAndFileNames_AreTextInTheFragment()
    {
        const string title = "<img src=x onerror=alert(1)>";
        const string description = "<script>alert(2)</script>";
        const string fileName = "<svg onload=alert(3)>.txt";
        await using var app = await TestApp.StartAsync();
        using var mallory = app.CreateBrowser();
        await mallory.RegisterNewUserAsync();
        var note = await mallory.CreateNoteIdAsync(title, new Field("description", description));
        var file = await mallory.UploadDocumentAsync(TestFile.Text(fileName, "Harmless.\n"));

        var fragment = await mallory.GetPageAsync("/documents/cards");

        Assert.Empty(fragment.QuerySelectorAll("script, svg"));
        // The text file's thumbnail may be made by now: the only picture a fragment may hold.
        Previews.PreviewSteps.AssertOnlyPreviewImages(fragment.QuerySelectorAll("img"));
        Assert.DoesNotContain(fragment.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        var card = fragment.Card(note)!;
        Assert.Equal(title, card.QuerySelector(".doc-title")!.TextContent.Trim());
        Assert.Equal($"Rename “{title}”", card.QuerySelector("button[data-rename]")!.GetAttribute("aria-label"));
        Assert.Equal(description, card.QuerySelector(".doc-description")!.TextContent.Trim());
        Assert.StartsWith(fileName + " · ", fragment.Card(file)!.QuerySelector(".doc-facts")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task TheFragment_ListsWhatThePageListsForTheSameFilters(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var alice = app.CreateBrowser();
        var aliceName = await alice.RegisterNewUserAsync();
        using var bob = app.CreateBrowser();
        await bob.RegisterNewUserAsync();
        await alice.CreateNoteIdAsync("Invoice 42", new Field("category", "invoice"), new Field("tags", "alpha"));
        await alice.CreateNoteIdAsync("Budget plan", new Field("description", "The budget for spring."));
        await alice.UploadDocumentAsync(TestFile.PngOfSize("scan.png", 2_000), new Field("title", "Budget scan"), new Field("tags", "alpha"));
        var shared = await bob.CreateNoteIdAsync("Budget of Bob", new Field("tags", "alpha"));
        await bob.ShareDocumentAsync(shared, aliceName);
        var hidden = await bob.CreateNoteIdAsync("Budget Bob keeps", new Field("tags", "alpha"));
        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        foreach (var filter in new[] { "", "category=invoice", "tag=alpha", "owner=me", "owner=shared", "q=budget&sort=title", "sort=-size", $"from={today}&to={today}" })
        {
            var cards = (await alice.GetPageAsync($"/documents/cards?{filter}&limit=100")).CardIds();
            Assert.Equal(await alice.ListIdsAsync($"/documents?{filter}&pageSize=100"), cards);
            Assert.DoesNotContain(hidden, cards);
        }

        Assert.Contains(shared, (await alice.GetPageAsync("/documents/cards?tag=alpha")).CardIds());
    }

    [Theory]
    [InlineData("cursor=nonsense")]
    [InlineData("cursor=a&cursor=b")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("limit=5&limit=6")]
    [InlineData("sort=newest")]
    [InlineData("from=2024-02-30")]
    public async Task ABadCursorLimitOrFilter_Is400_WithTheReasonShown(string query)
    {
        await using var app = await TestApp.StartAsync();
        using var alice = app.CreateBrowser();
        await alice.RegisterNewUserAsync();
        await alice.CreateNoteIdAsync("Some note");

        using var response = await alice.GetAsync($"/documents/cards?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        // The fragment's own alert, or the error page for what the input guard refuses first (a parameter given twice).
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[role=alert], .error-explanation")?.TextContent), "no reason shown");
        Assert.Empty(page.CardIds());
    }

    [Fact]
    public async Task ACursorIssuedForAnotherOrder_Is400()
    {
        await using var app = await TestApp.StartAsync();
        using var alice = app.CreateBrowser();
        await alice.RegisterNewUserAsync();
        for (var i = 1; i <= 11; i++)
        {
            await alice.CreateNoteIdAsync($"Note {i:00}");
        }

        var cursor = (await alice.GetPageAsync("/documents?pageSize=10")).GetElementById("document-list")!.GetAttribute("data-next-cursor")!;

        using var followed = await alice.GetAsync($"/documents/cards?cursor={Uri.EscapeDataString(cursor)}");
        using var misused = await alice.GetAsync($"/documents/cards?sort=title&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, misused.StatusCode);
    }

    [Fact]
    public async Task TheFragment_IsPrivateHtmlUnderThePagesPolicy_AndAnonymousVisitorsAreSentToSignIn()
    {
        await using var app = await TestApp.StartAsync();
        using var alice = app.CreateBrowser();
        await alice.RegisterNewUserAsync();
        await alice.CreateNoteIdAsync("Some note");

        using var page = await alice.GetAsync("/documents");
        using var fragment = await alice.GetAsync("/documents/cards");
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Equal("text/html", fragment.Content.Headers.ContentType?.MediaType);
        Assert.True(fragment.Headers.CacheControl?.NoStore, $"Cache-Control: {fragment.Headers.CacheControl}");
        Assert.Equal(page.Header("Content-Security-Policy"), fragment.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", fragment.Header("X-Content-Type-Options"));

        using var anonymous = app.CreateBrowser();
        using var refused = await anonymous.GetAsync("/documents/cards");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/login", new Uri(Browser.BaseAddress, refused.Headers.Location!).AbsolutePath);
    }
}
