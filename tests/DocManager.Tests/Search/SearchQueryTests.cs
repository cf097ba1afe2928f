using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>
/// How typed words match: the last word as a prefix while it is being typed, quoted phrases as
/// words in order, every word required, accents and case ignored — on `/search` and `/documents?q=`.
/// </summary>
public sealed class SearchQueryTests
{
    [Theory]
    [OnEachDatabase]
    public async Task TheLastWord_MatchesAsAPrefix(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Invoice from the plumber");

        await browser.AssertFindsAsync("invo", id);
        await browser.AssertFindsAsync("Invoice plu", id);
        await browser.AssertFindsAsync("invoice", id);
        // Only the last word is a prefix: a finished word must match whole.
        await browser.AssertFindsAsync("invo plumber");
    }

    [Theory]
    [OnEachDatabase]
    public async Task AWordFollowedByASpace_IsNoLongerAPrefix(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var whole = await browser.CreateNoteIdAsync("Invo plans");
        var longer = await browser.CreateNoteIdAsync("Invoice from the plumber");

        await browser.AssertFindsAsync("invo", whole, longer);
        await browser.AssertFindsAsync("invo ", whole);
        await browser.AssertFindsAsync("plumber invo ");
    }

    [Theory]
    [OnEachDatabase]
    public async Task AQuotedPhrase_MatchesOnlyThoseWordsInThatOrder(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var phrase = await browser.CreateNoteIdAsync("Sightings", KeyValuePair.Create("description", "We saw the blue whale at dawn"));
        var apart = await browser.CreateNoteIdAsync("Other sightings", KeyValuePair.Create("description", "A whale, and later a blue boat"));

        await browser.AssertFindsAsync("\"blue whale\"", phrase);
        await browser.AssertFindsAsync("\"whale blue\"");
        await browser.AssertFindsAsync("blue whale", phrase, apart);
        await browser.AssertFindsAsync("\"blue whale\" dawn", phrase);
    }

    [Theory]
    [OnEachDatabase]
    public async Task SeveralWords_MustAllMatch(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Alpine report");
        await browser.CreateNoteIdAsync("Glacier notes");
        var both = await browser.CreateNoteIdAsync("Alpine glacier survey");
        var spread = await browser.CreateNoteIdAsync("Survey", new("description", "alpine"), new("tags", "glacier"));

        await browser.AssertFindsAsync("alpine glacier", both, spread);
        await browser.AssertFindsAsync("glacier alpine survey", both, spread);
        await browser.AssertFindsAsync("alpine glacier moraine");
    }

    [Theory]
    [OnEachDatabase]
    public async Task AccentsAndCase_AreIgnored(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var accented = await browser.CreateNoteIdAsync("Vacances d'été à Genève");
        var plain = await browser.CreateNoteIdAsync("ETE schedule", KeyValuePair.Create("description", "GENEVE office"));

        await browser.AssertFindsAsync("ETE", accented, plain);
        await browser.AssertFindsAsync("été", accented, plain);
        await browser.AssertFindsAsync("ÉTÉ", accented, plain);
        await browser.AssertFindsAsync("e\u0301te\u0301", accented, plain); // decomposed: e + combining acute
        await browser.AssertFindsAsync("genève", accented, plain);
        await browser.AssertFindsAsync("GENEV", accented, plain);
        await browser.AssertFindsAsync("vacances", accented);
    }

    [Theory]
    [OnEachDatabase]
    public async Task AccentsWrittenAsCombiningMarks_InsideAFile_AreIgnoredToo(Backend backend)
    {
        // Text from files is often decomposed: "e" followed by a combining accent, as macOS writes it.
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Text("trip.txt", "Vacances d'e\u0301te\u0301 a\u0300 Gene\u0300ve.\n"), new KeyValuePair<string, string>("title", "Trip"));
        await app.WaitForJobsAsync();

        await browser.AssertFindsAsync("été", id);
        await browser.AssertFindsAsync("ETE", id);
        await browser.AssertFindsAsync("geneve", id);
        await browser.AssertFindsAsync("\"vacances d'été\"", id);
    }
}
