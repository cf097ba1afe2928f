using System.Net;
using DocManager.Intake;
using DocManager.Integrity;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>
/// An instance killed in the middle of an upload leaves nothing half-done: files go into the store
/// before their rows are committed, so no row ever points at a missing file, and what a crash leaves
/// (an orphan file, a stale staged file) is cleaned up by others.
/// </summary>
public sealed class InterruptedUploadTests
{
    public static TheoryData<FileStoreKind> Kinds => [FileStoreKind.FileSystem, FileStoreKind.S3];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CrashAfterStoringBeforeTheCommit_LeavesNoRow_AndTheOrphanIsRemovedAfterTheGracePeriod(FileStoreKind kind)
    {
        await using var app = await TestApp.StartAsync(settings: ManualIntegrityCheckSettings.Value, store: kind);
        var survivor = app.Instance;
        using var browser = await app.NewUserAsync();

        // GIVEN a second instance that dies right after putting the file into the (shared) store
        var doomed = app.StartInstance(CrashAfterSaveStore.Install);
        using var onDoomed = new Browser(doomed, browser.Cookies);
        using var failed = await onDoomed.UploadAsync(TestFile.Pdf("interrupted.pdf"));

        Assert.True(failed.StatusCode >= HttpStatusCode.InternalServerError, $"the crash answered {failed.StatusCode}");
        Assert.Empty(await app.DocumentsAsync());
        Assert.Equal((0L, 0), await app.UsageAsync(browser.UserName));
        var orphan = Assert.Single(await StoredNamesAsync(app));

        // THEN the client can simply retry, on an instance that is alive
        using var onSurvivor = new Browser(survivor, browser.Cookies);
        var file = TestFile.Pdf("interrupted.pdf");
        var id = await onSurvivor.UploadDocumentAsync(file);
        using (var download = await onSurvivor.GetAsync($"/files/{id}"))
        {
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        var retried = Assert.Single(await app.DocumentsAsync()).StoredName!;

        // AND the integrity check finds nothing wrong, keeping the orphan while it is young
        var check = survivor.Service<IntegrityCheck>();
        var early = await check.RunAsync(TestContext.Current.CancellationToken);
        Assert.True(early.Healthy);
        Assert.Equal(0, early.OrphansRemoved);
        Assert.Equal(new[] { orphan, retried }.Order(StringComparer.Ordinal), (await StoredNamesAsync(app)).Order(StringComparer.Ordinal));

        // AND removes it once it is older than the grace period
        survivor.Clock.Advance(check.OrphanGrace + TimeSpan.FromMinutes(1));
        var late = await check.RunAsync(TestContext.Current.CancellationToken);
        Assert.True(late.Healthy);
        Assert.Equal(1, late.OrphansRemoved);
        Assert.Equal([retried], await StoredNamesAsync(app));
    }

    [Fact]
    public async Task StaleStagedFile_IsDeletedAtStartUp_WhileAFreshOneIsLeftAlone()
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

    private static async Task<List<string>> StoredNamesAsync(TestApp app)
    {
        var names = new List<string>();
        await foreach (var file in app.Instance.Service<IFileStore>().ListAsync(TestContext.Current.CancellationToken))
        {
            names.Add(file.Name);
        }

        return names;
    }
}
