using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`GET /documents?page=&amp;pageSize=` (SPEC §3): pages that together list every document once.</summary>
public sealed class DocumentListPagingTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Paging_TwentyThreeDocumentsByTen_GivesPagesOfTenTenAndThree(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var ids = new List<int>();
        for (var i = 1; i <= 23; i++)
        {
            ids.Add(await browser.CreateNoteIdAsync($"Note number {i:00}"));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page1 = await browser.ListIdsAsync("/documents?sort=title&pageSize=10&page=1");
        var page2 = await browser.ListIdsAsync("/documents?sort=title&pageSize=10&page=2");
        var page3 = await browser.ListIdsAsync("/documents?sort=title&pageSize=10&page=3");

        Assert.Equal(ids[..10], page1);
        Assert.Equal(ids[10..20], page2);
        Assert.Equal(ids[20..], page3);
        var newestFirst = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            newestFirst.AddRange(await browser.ListIdsAsync($"/documents?pageSize=10&page={page}"));
        }

        Assert.Equal(Enumerable.Reverse(ids), newestFirst);
    }

    [Fact]
    public async Task Paging_BeyondTheLastPage_IsAnEmpty200Page()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNotesAsync(Enumerable.Range(1, 23).Select(i => $"Note number {i:00}"));

        var page = await browser.GetPageAsync("/documents?pageSize=10&page=4");

        Assert.Empty(page.CardIds());
        Assert.Equal("23", page.QuerySelector("[data-total-count]")?.GetAttribute("data-total-count"));
    }

    [Fact]
    public async Task Paging_LinksToTheNextAndPreviousPages_KeepingTheFilters()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNotesAsync(Enumerable.Range(1, 23).Select(i => $"Note number {i:00}"), new KeyValuePair<string, string>("category", "notes"));

        var first = await browser.GetPageAsync("/documents?category=notes&sort=title&pageSize=10");
        var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var second = await browser.GetPageAsync(next);
        var previous = second.QuerySelector("a[rel=prev]")?.GetAttribute("href");

        Assert.Equal(await browser.ListIdsAsync("/documents?category=notes&sort=title&pageSize=10&page=2"), second.CardIds());
        Assert.NotNull(previous);
        Assert.Equal(first.CardIds(), await browser.ListIdsAsync(previous));
    }
}
