using DocManager.Intake;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>A crash between the steps of an upload leaves nothing half-done once the app is back.</summary>
public sealed class InterruptedUploadTests
{
    [Theory]
    [InlineData(Backend.Sqlite)]
    [InlineData(Backend.Postgres)]
    public async Task CrashAfterCommitBeforeTheMove_IsCompletedAtStartUp(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = app.CreateBrowser();
        await browser.RegisterNewUserAsync();
        var file = TestFile.Pdf();
        var id = await browser.UploadDocumentAsync(file);
        var stored = Assert.Single(app.StoredFiles());

        // GIVEN the state a crash leaves: the row committed, the file still in staging (stale)
        var staged = Path.Combine(app.FilesRoot(), ".staging", Path.GetFileName(stored) + ".upload");
        File.Move(stored, staged);
        File.SetLastWriteTimeUtc(staged, DateTime.UtcNow - StagingSweeper.StaleAfter - TimeSpan.FromMinutes(1));

        await app.RestartAsync();

        Assert.Equal(stored, Assert.Single(app.StoredFiles()));
        using var browserAfter = new Browser(app.Instance, browser.Cookies);
        using var download = await browserAfter.GetAsync($"/files/{id}");
        Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StaleStagedFileWithoutARow_IsDeletedAtStartUp_WhileAFreshOneIsLeftAlone()
    {
        await using var app = await TestApp.StartAsync();
        var staging = Path.Combine(app.FilesRoot(), ".staging");
        var stale = Path.Combine(staging, new string('a', 32) + ".upload");
        var fresh = Path.Combine(staging, new string('b', 32) + ".upload");
        await File.WriteAllTextAsync(stale, "crashed mid-upload", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(fresh, "still being written by another instance", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - StagingSweeper.StaleAfter - TimeSpan.FromMinutes(1));

        await app.RestartAsync();

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.Empty(await app.DocumentsAsync());
    }
}
