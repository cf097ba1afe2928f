using System.Globalization;
using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Enhancements;

/// <summary>
/// infinite-scroll.js: /documents grows by the next page (from <c>/api/documents</c>'s cursor) as the
/// user reaches its end; the plain page links stay for browsers without scripts, and Back from a
/// document returns to the grown list where the user left it.
/// </summary>
public sealed class InfiniteScrollTests(Chromium chromium)
{
    private const int Total = 25;
    private const int PageSize = 10; // the smallest page size (SPEC §3), chosen per request with ?pageSize=

    [Fact]
    public async Task ScrollingToTheEnd_AppendsEveryLaterPage_WithNoneTwiceAndNoneSkipped()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var ids = await SeedAsync(alice);

        // GIVEN the first page of ten
        await alice.OpenAsync($"/documents?pageSize={PageSize}");
        var cards = Cards(alice.Page);
        await Expect(cards).ToHaveCountAsync(PageSize);

        // WHEN Alice scrolls to the bottom, THEN the next ten are appended; and again, the last five
        await ScrollToBottomAsync(alice.Page);
        await Expect(cards).ToHaveCountAsync(2 * PageSize);
        await ScrollToBottomAsync(alice.Page);
        await Expect(cards).ToHaveCountAsync(Total);
        await Expect(alice.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "That is everything." })).ToBeVisibleAsync();

        // THEN the list holds every document exactly once, newest first, as the server orders them
        Assert.Equal(ids.Reverse(), await ShownIdsAsync(alice.Page));
        Assert.Empty(alice.ConsoleErrors);
    }

    [Fact]
    public async Task ASearchSortedNewestFirst_AlsoGrowsAsTheUserScrolls()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var ids = await SeedAsync(alice);
        await alice.AddNotesAsync(["Unrelated memo"]);

        // GIVEN a search with the newest-first order chosen explicitly (without it, a search is ranked)
        await alice.OpenAsync($"/documents?q=document&sort=-date&pageSize={PageSize}");
        var cards = Cards(alice.Page);
        await Expect(cards).ToHaveCountAsync(PageSize);

        // WHEN Alice scrolls to the end, twice, THEN every match is appended in that order
        await ScrollToBottomAsync(alice.Page);
        await Expect(cards).ToHaveCountAsync(2 * PageSize);
        await ScrollToBottomAsync(alice.Page);
        await Expect(cards).ToHaveCountAsync(Total);
        Assert.Equal(ids.Reverse(), await ShownIdsAsync(alice.Page));

        // AND the plain Next link keeps that order too
        var next = alice.Page.Locator("nav[aria-label='Pages'] a[rel=next]");
        Assert.Equal($"/documents?q=document&sort=-date&page=2&pageSize={PageSize}", await next.GetAttributeAsync("href"));
    }

    [Fact]
    public async Task ThePlainPageLinks_StayInThePage_AndLeadToTheSameDocuments()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var ids = await SeedAsync(alice);
        await alice.OpenAsync($"/documents?pageSize={PageSize}");
        await ScrollToBottomAsync(alice.Page);
        await Expect(Cards(alice.Page)).ToHaveCountAsync(2 * PageSize);

        // THEN the server's pagination is still in the page (the scripts may hide it), its Next link to page 2
        var pages = alice.Page.Locator("nav[aria-label='Pages']");
        await Expect(pages).ToBeAttachedAsync();
        var next = pages.Locator("a[rel=next]");
        await Expect(next).ToHaveTextAsync("Next");
        var href = await next.GetAttributeAsync("href");
        Assert.Equal($"/documents?page=2&pageSize={PageSize}", href);

        // AND without scripts those links are shown and page 2 holds exactly the documents that were appended
        var plain = await site.SignInElsewhereAsync(alice.UserName, javaScript: false);
        await plain.OpenAsync($"/documents?pageSize={PageSize}");
        await plain.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await plain.Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == href);
        Assert.Equal(ids.Reverse().Skip(PageSize).Take(PageSize), await ShownIdsAsync(plain.Page));
    }

    [Fact]
    public async Task BackFromADocument_RestoresTheAppendedDocuments_AndTheScrollPosition()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var ids = await SeedAsync(alice);
        var page = alice.Page;
        await alice.OpenAsync($"/documents?pageSize={PageSize}");
        var cards = Cards(page);
        await ScrollToBottomAsync(page);
        await Expect(cards).ToHaveCountAsync(2 * PageSize);
        await ScrollToBottomAsync(page);
        await Expect(cards).ToHaveCountAsync(Total);

        // GIVEN Alice scrolled to a document that was appended (the 18th), far down the page
        var target = cards.Nth(17);
        await target.ScrollIntoViewIfNeededAsync();
        var title = (await target.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim();
        var y = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(y > 1000, $"the 18th document should be far down the page, not at {y}");

        // WHEN she opens it and goes Back
        await target.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await alice.WaitForPathAsync(new Regex(@"^/documents/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await page.GoBackAsync();

        // THEN the list holds what she had loaded, once each, and she is where she was
        await Expect(cards).ToHaveCountAsync(Total);
        await page.WaitForFunctionAsync("y => Math.abs(window.scrollY - y) <= 1", y);
        await Expect(target).ToBeInViewportAsync();
        Assert.Equal(ids.Reverse(), await ShownIdsAsync(page));
    }

    [Fact]
    public async Task RenamingAnAppendedCard_ThatChangedSinceItWasLoaded_IsRefused_AndTheNewerTitleStands()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewVisitorAsync();
        var userName = await alice.SignUpAsync();
        var ids = await SeedAsync(alice);
        await alice.OpenAsync($"/documents?pageSize={PageSize}");
        var page = alice.Page;
        var cards = Cards(page);
        await ScrollToBottomAsync(page);
        await Expect(cards).ToHaveCountAsync(2 * PageSize);

        // GIVEN the first card the script appended ("Document 15"), which Alice then renames in another browser of hers
        var card = cards.Nth(PageSize);
        var id = ids[Total - PageSize - 1];
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), await card.GetAttributeAsync("data-document-id"));
        await site.RenameElsewhereAsync(alice.UserName, id, "Renamed elsewhere");

        // WHEN she renames it from the appended card, loaded before that change
        var saved = await alice.RenameInPlaceAsync(card, "Document 15", "Renamed here");

        // THEN the rename names the version the card showed, the server refuses it as stale, and the card says why
        await ScriptedVisitorSteps.AssertRefusedAsStaleAsync(saved, card);

        // AND the newer title stands
        Assert.Equal("Renamed elsewhere", await alice.TitleOfAsync(id));
    }

    /// <summary>Notes "Document 01" … "Document 25", oldest first; their ids in that order.</summary>
    private static async Task<IReadOnlyList<int>> SeedAsync(Visitor visitor) =>
        await visitor.AddNotesAsync(Enumerable.Range(1, Total).Select(i => $"Document {i:00}"), "A note to fill the list.");

    /// <summary>The document cards: the list items of the main content.</summary>
    private static ILocator Cards(IPage page) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);

    private static async Task ScrollToBottomAsync(IPage page) =>
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");

    private static async Task<IReadOnlyList<int>> ShownIdsAsync(IPage page) =>
        [.. (await Cards(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.documentId)"))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
}
