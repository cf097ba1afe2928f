using System.Text.Json;
using DocManager.Integrity;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Integrity;

/// <summary>The periodic check re-hashes stored files and reports what is missing or changed.</summary>
public sealed class IntegrityCheckTests
{
    [Theory]
    [OnEachDatabase]
    public async Task IntactFiles_AreReportedHealthy(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf());
        await browser.UploadDocumentAsync(TestFile.Png());
        await browser.CreateNoteIdAsync("A note has no file");

        var result = await app.Instance.Service<IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Checked);
        Assert.True(result.Healthy);
        Assert.Equal("Healthy", (await Readiness(browser)).GetProperty("checks").GetProperty("integrity").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChangedAndMissingFiles_AreReported_InTheLogAndInReadyz()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var corruptedId = await browser.UploadDocumentAsync(TestFile.Pdf("will-change.pdf"));
        var missingId = await browser.UploadDocumentAsync(TestFile.Pdf("will-vanish.pdf"));
        var documents = await app.DocumentsAsync();
        var corruptedPath = app.StoredFiles().Single(f => f.EndsWith(documents.Single(d => d.Id == corruptedId).StoredName!, StringComparison.Ordinal));
        var missingPath = app.StoredFiles().Single(f => f.EndsWith(documents.Single(d => d.Id == missingId).StoredName!, StringComparison.Ordinal));

        // GIVEN one file altered on disk (a flipped byte) and one deleted behind the app's back
        var bytes = await File.ReadAllBytesAsync(corruptedPath, TestContext.Current.CancellationToken);
        bytes[^3] ^= 0xFF;
        await File.WriteAllBytesAsync(corruptedPath, bytes, TestContext.Current.CancellationToken);
        File.Delete(missingPath);

        var result = await app.Instance.Service<IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal([corruptedId], result.Corrupted);
        Assert.Equal([missingId], result.Missing);
        var integrity = (await Readiness(browser)).GetProperty("checks").GetProperty("integrity");
        Assert.Equal("Degraded", integrity.GetProperty("status").GetString());
        Assert.Contains("1 missing and 1 corrupted", integrity.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredFilesNoDocumentRefersTo_AreRemoved_OnlyOnceOlderThanTheGracePeriod()
    {
        await using var app = await TestApp.StartAsync(settings: ManualIntegrityCheckSettings.Value);
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf());
        var orphan = Path.Combine(app.FilesRoot(), "ab", "cd", "abcd" + new string('0', 28));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "left behind by a failed delete", TestContext.Current.CancellationToken);
        var check = app.Instance.Service<IntegrityCheck>();

        // A young file with no row may be an upload whose row is being committed on another instance.
        var early = await check.RunAsync(TestContext.Current.CancellationToken);
        app.Clock.Advance(check.OrphanGrace + TimeSpan.FromMinutes(1));
        var late = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, early.OrphansRemoved);
        Assert.Equal(1, late.OrphansRemoved);
        Assert.False(File.Exists(orphan));
        Assert.Single(app.StoredFiles());
        Assert.True(late.Healthy);
    }

    [Fact]
    public async Task PreviewImagesOfADocument_AreKept_AndThoseNoDocumentShows_AreRemoved()
    {
        await using var app = await TestApp.StartAsync(settings: ManualIntegrityCheckSettings.Value);
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(Previews.PreviewSteps.RealPng("shown.png", 80, 60));
        await app.WaitForJobsAsync();
        var shown = app.StoredFiles().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, shown.Count); // the file, its thumbnail and its page image

        // A set of previews left behind (a replaced set whose delete failed, a crash before its row was written).
        var stem = "abcd" + new string('1', 28);
        var leftBehind = new[] { StoredName.Preview(stem, 0), StoredName.Preview(stem, 1) }
            .Select(name => Path.Combine(app.FilesRoot(), name[..2], name[2..4], name)).ToList();
        foreach (var path in leftBehind)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "an old preview", TestContext.Current.CancellationToken);
        }

        var check = app.Instance.Service<IntegrityCheck>();
        app.Clock.Advance(check.OrphanGrace + TimeSpan.FromMinutes(1));
        var result = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, result.OrphansRemoved);
        Assert.Equal(shown, app.StoredFiles().Order(StringComparer.Ordinal).ToList());
        Assert.True(result.Healthy);
    }

    private static async Task<JsonElement> Readiness(Browser browser)
    {
        using var response = await browser.GetAsync("/readyz");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
