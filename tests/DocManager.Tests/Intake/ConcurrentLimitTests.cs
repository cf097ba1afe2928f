using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>Limits hold when requests really race: the database, not a check-then-act, decides.</summary>
public sealed class ConcurrentLimitTests
{
    [Theory]
    [OnEachDatabase]
    public async Task SimultaneousUploads_NeverPassTheQuota(Backend backend)
    {
        // GIVEN a quota with room for exactly 4 of 10 equal files, all sent at once
        var files = Enumerable.Range(0, 10).Select(i => TestFile.Pdf($"race-{i}.pdf", extraBytes: 1000)).ToList();
        var size = files[0].Content.Length;
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:QuotaBytes"] = (4 * size + size / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var browser = await app.NewUserAsync();

        var responses = await Task.WhenAll(files.Select(f => browser.UploadAsync(f)));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.SeeOther));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(4, (await app.DocumentsAsync()).Count);
        Assert.Equal(4, app.StoredFiles().Length);
        Assert.Equal((4L * size, 4), await app.UsageAsync(browser.UserName));
    }

    [Theory]
    [OnEachDatabase]
    public async Task SimultaneousNotes_NeverPassTheDocumentLimit(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:MaxDocuments"] = "3" });
        using var browser = await app.NewUserAsync();
        var token = await browser.FormTokenAsync("/documents/new", "/documents/new");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            browser.PostFormAsync("/documents/new", [new("__RequestVerificationToken", token), new("title", $"Note number {i}")])));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.SeeOther));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(3, (await app.DocumentsAsync()).Count);
        Assert.Equal(3, (await app.UsageAsync(browser.UserName)).DocumentCount);
    }

    [Theory]
    [OnEachDatabase]
    public async Task SimultaneousCreatesOfOneTitle_GiveExactlyOneSuccess(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var token = await browser.FormTokenAsync("/documents/new", "/documents/new");

        // Same title in different case and normalisation forms: all one title.
        string[] spellings = ["Été report", "ÉTÉ REPORT", "e\u0301te\u0301 report", "été Report"];
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            browser.PostFormAsync("/documents/new", [new("__RequestVerificationToken", token), new("title", spellings[i % spellings.Length])])));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("Title already exists", (await refused.ReadHtmlAsync()).FieldError("title"));
        }

        Assert.Single(await app.DocumentsAsync());
        Assert.Equal(1, (await app.UsageAsync(browser.UserName)).DocumentCount);
    }
}
