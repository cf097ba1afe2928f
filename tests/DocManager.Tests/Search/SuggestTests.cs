using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>`GET /api/suggest?q=` (SPEC §4): up to 10 visible titles with a word starting with what was typed, as `[{ id, title }]`.</summary>
public sealed class SuggestTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Suggest_MatchesThePrefixOfAnyWordOfTheTitle(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var annual = await browser.CreateNoteIdAsync("Annual report");
        var annex = await browser.CreateNoteIdAsync("Report annex");
        await browser.CreateNoteIdAsync("Banana planning", new("description", "annual figures"), new("tags", "annex"));
        await browser.CreateNoteIdAsync("Planning");

        var suggested = await browser.SuggestAsync("ann");

        Assert.Equal([(annual, "Annual report"), (annex, "Report annex")], suggested.OrderBy(s => s.Id));
        Assert.Equal([annual, annex], (await browser.SuggestIdsAsync("ANN")).Order());
        Assert.Equal([annual], await browser.SuggestIdsAsync("report annu"));
        Assert.Empty(await browser.SuggestAsync("nnex")); // the start of a word, not any part of it
    }

    [Theory]
    [OnEachDatabase]
    public async Task Suggest_AnswersAJsonArrayOfIdAndTitle(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Tender <offer> & \"terms\"");

        using var response = await browser.GetAsync("/api/suggest?q=tend");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(["id", "title"], item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(id, item.GetProperty("id").GetInt32());
        Assert.Equal("Tender <offer> & \"terms\"", item.GetProperty("title").GetString());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Suggest_OffersAtMostTen(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var ids = await browser.CreateNotesAsync(Enumerable.Range(1, 12).Select(i => $"Ledger {i:D2}"));

        var suggested = await browser.SuggestIdsAsync("led");

        Assert.Equal(10, suggested.Count);
        Assert.Equal(10, suggested.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), suggested.ToHashSet());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Suggest_OffersOnlyTitlesTheUserMaySee(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var shared = await owner.CreateNoteIdAsync("Annual shared plan");
        await owner.CreateNoteIdAsync("Annual private plan");
        await owner.ShareDocumentAsync(shared, viewer);
        var own = await viewer.CreateNoteIdAsync("Annual own plan");

        Assert.Equal([shared, own], (await viewer.SuggestIdsAsync("annu")).Order());
        Assert.Equal(2, (await owner.SuggestIdsAsync("annu")).Count);
    }

    [Theory]
    [InlineData("/api/suggest")]
    [InlineData("/api/suggest?q=")]
    [InlineData("/api/suggest?q=%20%20")]
    [InlineData("/api/suggest?q=%22%2A%22")]
    public async Task EmptyInput_AnswersAnEmptyArray(string url)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Anything at all");

        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemJson_NotARedirect()
    {
        await using var app = await TestApp.StartAsync();
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.GetAsync("/api/suggest?q=ann");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(401, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
    }
}
