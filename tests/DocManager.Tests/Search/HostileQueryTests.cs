using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>
/// Whatever is typed — query syntax of either database, broken quotes, huge or odd text —
/// `/search`, `/documents?q=` and `/api/suggest` answer normally (200), never with a server error.
/// Bytes that are not UTF-8 are not text anyone typed: every route refuses them with 400
/// (<see cref="Sweep.MalformedInputSweep"/>).
/// </summary>
public sealed class HostileQueryTests
{
    /// <summary>Each input as it appears in the URL, percent-encoded.</summary>
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["double quote"] = Uri.EscapeDataString("\""),
        ["star"] = Uri.EscapeDataString("*"),
        ["NEAR("] = Uri.EscapeDataString("NEAR("),
        ["NEAR(a b, 2)"] = Uri.EscapeDataString("NEAR(report invoice, 2)"),
        ["single quote"] = Uri.EscapeDataString("'"),
        ["word with quote"] = Uri.EscapeDataString("o'brien's"),
        ["percent"] = Uri.EscapeDataString("%"),
        ["percent word"] = Uri.EscapeDataString("50% off_"),
        ["minus"] = Uri.EscapeDataString("-"),
        ["minus word"] = Uri.EscapeDataString("-report"),
        ["AND OR NOT"] = Uri.EscapeDataString("AND OR NOT"),
        ["operators between words"] = Uri.EscapeDataString("report AND NOT invoice OR"),
        ["column filter"] = Uri.EscapeDataString("title:x"),
        ["column set filter"] = Uri.EscapeDataString("{readers}:u1"),
        ["reader token"] = Uri.EscapeDataString("u1"),
        ["unbalanced quote"] = Uri.EscapeDataString("\"abc"),
        ["quote then prefix"] = Uri.EscapeDataString("\"abc\" de"),
        ["tsquery syntax"] = Uri.EscapeDataString("a & !b | c:* <-> d:A"),
        ["parentheses and caret"] = Uri.EscapeDataString("((a) ^b) + c"),
        ["backslash"] = Uri.EscapeDataString("\\ \\' \\\""),
        ["10 KB"] = Uri.EscapeDataString(string.Concat(Enumerable.Repeat("ab\"c* NEAR( 'x' %-", 600))[..10_240]),
        ["10 KB of letters"] = Uri.EscapeDataString(new string('x', 10_240)),
        ["many words"] = Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 2000).Select(i => "w" + i))),
        ["emoji"] = Uri.EscapeDataString("📄🔍 report 🎉"),
        ["only emoji"] = Uri.EscapeDataString("😀"),
        ["nul"] = "%00",
        ["nul inside a word"] = "re%00port",
        ["control characters"] = "%01%02%03%1B",
        ["right-to-left and joiners"] = Uri.EscapeDataString("\u202Ereport\u200D\u200B"),
        ["combining marks only"] = Uri.EscapeDataString("\u0301\u0308"),
        ["letters newer than old unicode tables"] = Uri.EscapeDataString("\uA7C0\uA7C1 \U0001E290"),
        ["whitespace"] = Uri.EscapeDataString(" \t "),
    };

    public static TheoryData<Backend, string> InputsOnBothDatabases() => Backends.OnEachDatabaseWith(Inputs.Keys);

    [Theory]
    [MemberData(nameof(InputsOnBothDatabases))]
    public async Task HostileInput_AnswersNormally_OnEverySearchRoute(Backend backend, string input)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Report on the invoice", KeyValuePair.Create("description", "abc de x report"));
        await browser.UploadDocumentAsync(TestFile.Text("notes.txt", "report invoice abc\n"));
        await app.WaitForJobsAsync();
        var q = Inputs[input];

        using (var search = await browser.GetAsync("/search?q=" + q))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            var page = await search.ReadHtmlAsync();
            Assert.NotNull(page.QuerySelector("form[role=search]"));
        }

        using (var list = await browser.GetAsync("/documents?q=" + q))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using var suggest = await browser.GetAsync("/api/suggest?q=" + q);
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        using var json = JsonDocument.Parse(await suggest.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
    }
}
