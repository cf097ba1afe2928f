using System.Net;
using System.Text;
using DocManager.Data;
using DocManager.Extraction;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Jobs;

/// <summary>Extraction does bounded work per file (section `Extraction`): pages and characters beyond the limits are left out, and the upload still succeeds.</summary>
public sealed class ExtractionLimitsTests
{
    [Theory]
    [OnEachDatabase]
    public async Task MaxPages_IndexesOnlyTheFirstPages(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Extraction:MaxPages"] = "2" });
        using var browser = await app.NewUserAsync();
        var pdf = MultiPagePdf.Create("five.pdf", "Page one mentions alderney", "Page two mentions brecqhou", "Page three mentions casquets", "Page four mentions dixcart", "Page five mentions ecrehous");

        var id = await browser.UploadDocumentAsync(pdf, new KeyValuePair<string, string>("title", "Channel islands"));
        await app.WaitForJobsAsync();

        await browser.AssertFindsAsync("alderney", id);
        await browser.AssertFindsAsync("brecqhou", id);
        foreach (var word in new[] { "casquets", "dixcart", "ecrehous" })
        {
            await browser.AssertFindsAsync(word);
        }

        var text = await StoredTextAsync(app);
        Assert.True(text.Truncated);
        Assert.DoesNotContain("three", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutALimit_EveryPageIsIndexed()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var pdf = MultiPagePdf.Create("five.pdf", "Page one mentions alderney", "Page two mentions brecqhou", "Page three mentions casquets", "Page four mentions dixcart", "Page five mentions ecrehous");

        var id = await browser.UploadDocumentAsync(pdf, new KeyValuePair<string, string>("title", "Channel islands"));
        await app.WaitForJobsAsync();

        await browser.AssertFindsAsync("ecrehous", id);
        Assert.False((await StoredTextAsync(app)).Truncated);
    }

    [Theory]
    [OnEachDatabase]
    public async Task MaxCharacters_KeepsAtMostThatMuchText_AndTheUploadSucceeds(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Extraction:MaxCharacters"] = "1000" });
        using var browser = await app.NewUserAsync();
        var body = new StringBuilder("Opening words about the mandrill.\n");
        while (body.Length < 100 * 1024)
        {
            body.Append("Filler line of an enormous text file.\n");
        }

        body.Append("Closing words about the okapi.\n");

        var id = await browser.UploadDocumentAsync(TestFile.Text("huge.txt", body.ToString()), new KeyValuePair<string, string>("title", "Huge text"));
        await app.WaitForJobsAsync();

        var text = await StoredTextAsync(app);
        Assert.True(text.Text.Length <= 1000, $"kept {text.Text.Length} characters");
        Assert.True(text.Truncated);
        Assert.Empty(await app.JobsAsync());
        await browser.AssertFindsAsync("mandrill", id);
        await browser.AssertFindsAsync("okapi");
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Encoding.UTF8.GetByteCount(body.ToString()), (await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
    }

    private static Task<DocumentText> StoredTextAsync(TestApp app) =>
        app.Instance.WithScopeAsync<AppDbContext, DocumentText>(db => db.DocumentTexts.AsNoTracking().SingleAsync());
}
