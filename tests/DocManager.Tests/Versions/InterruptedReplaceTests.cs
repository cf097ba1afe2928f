using System.Net;
using DocManager.Integrity;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;

namespace DocManager.Tests.Versions;

/// <summary>
/// An instance killed during a replacement (SPEC §9) leaves the document's current version as it was:
/// the new file reached the store before any row named it, and is an orphan the integrity check
/// removes once it is older than the grace period.
/// </summary>
public sealed class InterruptedReplaceTests
{
    [Fact]
    public async Task CrashAfterStoringTheNewVersion_KeepsTheOldCurrentVersion_AndLeavesNoOrphanAfterTheGrace()
    {
        await using var app = await TestApp.StartAsync(settings: ManualIntegrityCheckSettings.Value);
        var survivor = app.Instance;
        using var owner = await app.NewUserAsync();
        var original = TestFile.Text("original.txt", "the original\n");
        var id = await owner.UploadDocumentAsync(original);
        var used = await app.UsageAsync(owner.UserName);

        // GIVEN a second instance that dies right after putting the new version into the shared store
        var doomed = app.StartInstance(CrashAfterSaveStore.Install);
        using var onDoomed = new Browser(doomed, owner.Cookies);
        using var failed = await onDoomed.Api().ReplaceFileAsync(id, TestFile.Text("replacement.txt", "the replacement\n"));

        // THEN the document still has its one version, its bytes and its quota
        Assert.True(failed.StatusCode >= HttpStatusCode.InternalServerError, $"the crash answered {failed.StatusCode}");
        using var onSurvivor = new Browser(survivor, owner.Cookies);
        Assert.Equal(original.Content, await onSurvivor.DownloadAsync(id));
        using (var missing = await onSurvivor.GetAsync($"/files/{id}?version=2"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(used, await app.UsageAsync(owner.UserName));
        Assert.Equal(2, app.DocumentFiles().Length); // the original and the orphan

        // AND the orphan goes once it is older than the grace period, the original stays
        var check = survivor.Service<IntegrityCheck>();
        survivor.Clock.Advance(check.OrphanGrace + TimeSpan.FromMinutes(1));
        var result = await check.RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Healthy);
        Assert.Equal(1, result.OrphansRemoved);
        // (read from the store: an hour later the session has expired)
        Assert.Equal(original.Content, await File.ReadAllBytesAsync(Assert.Single(app.DocumentFiles()), TestContext.Current.CancellationToken));
    }
}
