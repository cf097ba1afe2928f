using System.Globalization;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`GET /documents` filters (SPEC §3, §7): category, tag, owner, upload dates (`to` inclusive, UTC) and text.</summary>
public sealed class DocumentListFilterTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByCategory_ShowsOnlyThatCategory(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var report = await browser.CreateNoteIdAsync("Quarterly numbers", Field("category", "report"));
        var invoice = await browser.CreateNoteIdAsync("Invoice 42", Field("category", "invoice"));
        var uploaded = await browser.UploadDocumentAsync(TestFile.Pdf("annual.pdf"), Field("category", "report"));
        var other = await browser.CreateNoteIdAsync("Miscellany");

        Assert.Equal([report, uploaded], (await browser.ListIdsAsync("/documents?category=report")).Order());
        Assert.Equal([invoice], await browser.ListIdsAsync("/documents?category=invoice"));
        Assert.Equal([other], await browser.ListIdsAsync("/documents?category=other"));
        Assert.Empty(await browser.ListIdsAsync("/documents?category=contract"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByTag_ShowsOnlyDocumentsWithThatTag(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var both = await browser.CreateNoteIdAsync("Tagged twice", Field("tags", "alpha, beta"));
        var alpha = await browser.CreateNoteIdAsync("Tagged alpha", Field("tags", "alpha"));
        var beta = await browser.CreateNoteIdAsync("Tagged beta", Field("tags", "beta"));
        await browser.CreateNoteIdAsync("Alphabet soup"); // "alpha" in the title is no tag

        Assert.Equal([both, alpha], (await browser.ListIdsAsync("/documents?tag=alpha")).Order());
        Assert.Equal([both, beta], (await browser.ListIdsAsync("/documents?tag=beta")).Order().ToArray());
        Assert.Empty(await browser.ListIdsAsync("/documents?tag=alph"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByOwner_SeparatesOwnFromShared(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var shared = await owner.CreateNoteIdAsync("Shared note");
        await owner.CreateNoteIdAsync("Owner's private note");
        await owner.ShareDocumentAsync(shared, viewer);
        var own = await viewer.CreateNoteIdAsync("Viewer's note");
        await stranger.CreateNoteIdAsync("Stranger's note");

        Assert.Equal([own], await viewer.ListIdsAsync("/documents?owner=me"));
        Assert.Equal([shared], await viewer.ListIdsAsync("/documents?owner=shared"));
        Assert.Equal([shared, own], (await viewer.ListIdsAsync("/documents?owner=all")).Order());
        Assert.Equal([shared, own], (await viewer.ListIdsAsync("/documents")).Order());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByUploadDate_IncludesTheWholeOfTheToDay(Backend backend)
    {
        // GIVEN documents made at 23:59:59 on day 1, at 00:00:01 on day 2 and at 00:00:01 on day 3 (UTC)
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var now = app.Clock.GetUtcNow();
        var day1 = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var endOfDay1 = new DateTimeOffset(day1.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(-1);
        await app.AdvanceAndSignInAsync(endOfDay1 - now, browser);
        var a = await browser.CreateNoteIdAsync("Last second of day one");
        await app.AdvanceAndSignInAsync(TimeSpan.FromSeconds(2), browser);
        var b = await browser.CreateNoteIdAsync("First second of day two");
        await app.AdvanceAndSignInAsync(TimeSpan.FromDays(1), browser);
        var c = await browser.CreateNoteIdAsync("Day three");
        string Day(int n) => day1.AddDays(n - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal([a], await browser.ListIdsAsync($"/documents?to={Day(1)}"));
        Assert.Equal([a], await browser.ListIdsAsync($"/documents?from={Day(1)}&to={Day(1)}"));
        Assert.Equal([b], await browser.ListIdsAsync($"/documents?from={Day(2)}&to={Day(2)}"));
        Assert.Equal([c, b], await browser.ListIdsAsync($"/documents?from={Day(2)}"));
        Assert.Equal([b, a], await browser.ListIdsAsync($"/documents?to={Day(2)}"));
        Assert.Equal([c], await browser.ListIdsAsync($"/documents?from={Day(3)}&to={Day(3)}"));
        Assert.Empty(await browser.ListIdsAsync($"/documents?to={Day(0)}"));
        Assert.Empty(await browser.ListIdsAsync($"/documents?from={Day(4)}"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByText_MatchesTitleDescriptionTagsAndFileName_IgnoringCase(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var inTitle = await browser.CreateNoteIdAsync("Budget for 2025");
        var inDescription = await browser.CreateNoteIdAsync("Spending", Field("description", "The BUDGET is tight"));
        var inTag = await browser.CreateNoteIdAsync("Tagged", Field("tags", "budget"));
        var inFileName = await browser.UploadDocumentAsync(TestFile.Pdf("Budget-draft.pdf"), Field("title", "Draft"));
        await browser.CreateNoteIdAsync("Nothing to see", Field("description", "bud get"));

        Assert.Equal([inTitle, inDescription, inTag, inFileName], (await browser.ListIdsAsync("/documents?q=budget")).Order());
        Assert.Equal([inTitle, inDescription, inTag, inFileName], (await browser.ListIdsAsync("/documents?q=BuDgEt")).Order());
        Assert.Empty(await browser.ListIdsAsync("/documents?q=nonexistent"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByText_IgnoresCaseBeyondAscii(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var inTitle = await browser.CreateNoteIdAsync("ÉTÉ À PARIS");
        var inDescription = await browser.CreateNoteIdAsync("Holiday", Field("description", "Notre ÉTÉ à Paris"));
        await browser.CreateNoteIdAsync("Winter", Field("description", "hiver"));

        Assert.Equal([inTitle, inDescription], (await browser.ListIdsAsync("/documents?q=été")).Order());
        Assert.Equal([inTitle, inDescription], (await browser.ListIdsAsync("/documents?q=" + Uri.EscapeDataString("e\u0301te\u0301"))).Order());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filter_ByText_TreatsWildcardCharactersAsPlainText(Backend backend)
    {
        // Text search works on words: `%` and `_` are neither wildcards nor a match for everything.
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var percent = await browser.CreateNoteIdAsync("100% done");
        var underscore = await browser.CreateNoteIdAsync("snake_case notes");
        await browser.CreateNoteIdAsync("Plain title");

        Assert.Empty(await browser.ListIdsAsync("/documents?q=%25"));
        Assert.Empty(await browser.ListIdsAsync("/documents?q=_"));
        Assert.Equal([percent], await browser.ListIdsAsync("/documents?q=100%25"));
        Assert.Equal([underscore], await browser.ListIdsAsync("/documents?q=snake_case"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Filters_Combine(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var match = await browser.CreateNoteIdAsync("Water bill", Field("category", "invoice"), Field("tags", "home"));
        await browser.CreateNoteIdAsync("Water report", Field("category", "report"), Field("tags", "home"));
        await browser.CreateNoteIdAsync("Power bill", Field("category", "invoice"), Field("tags", "office"));
        await browser.CreateNoteIdAsync("Water tax", Field("category", "invoice"), Field("tags", "office"));

        Assert.Equal([match], await browser.ListIdsAsync("/documents?category=invoice&tag=home&q=water"));
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
