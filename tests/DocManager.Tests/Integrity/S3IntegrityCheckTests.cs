using DocManager.Integrity;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Integrity;

/// <summary>The integrity check on an S3 bucket: changed and missing objects are reported, old orphans removed.</summary>
public sealed class S3IntegrityCheckTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangedAndMissingObjects_AreReported()
    {
        await using var app = await TestApp.StartAsync(settings: ManualIntegrityCheckSettings.Value, store: FileStoreKind.S3);
        using var browser = await app.NewUserAsync();
        var intactId = await browser.UploadDocumentAsync(TestFile.Pdf("intact.pdf"));
        var changedId = await browser.UploadDocumentAsync(TestFile.Pdf("will-change.pdf"));
        var missingId = await browser.UploadDocumentAsync(TestFile.Pdf("will-vanish.pdf"));
        var documents = await app.DocumentsAsync();
        var bucket = app.Environment.S3Bucket!;

        // GIVEN one object overwritten with other bytes and one deleted behind the app's back
        await TestS3.PutObjectAsync(bucket, documents.Single(d => d.Id == changedId).StoredName!, TestFile.RandomBytes(500));
        await TestS3.Client.DeleteObjectAsync(bucket, documents.Single(d => d.Id == missingId).StoredName!, Cancel);

        var result = await app.Instance.Service<IntegrityCheck>().RunAsync(Cancel);

        Assert.Equal(3, result.Checked);
        Assert.Equal([changedId], result.Corrupted);
        Assert.Equal([missingId], result.Missing);
        Assert.DoesNotContain(intactId, result.Corrupted);
    }

    [Fact]
    public async Task AnObjectNoDocumentRefersTo_IsKeptWhileYoung_AndRemovedWhenOld()
    {
        await using var app = await TestApp.StartAsync(settings: ManualIntegrityCheckSettings.Value, store: FileStoreKind.S3);
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf());
        var bucket = app.Environment.S3Bucket!;
        var orphan = StoredName.New();
        await TestS3.PutObjectAsync(bucket, orphan, TestFile.RandomBytes(100));
        await TestS3.PutObjectAsync(bucket, "not-ours/notes.txt", TestFile.RandomBytes(10)); // not a generated name: never touched
        var check = app.Instance.Service<IntegrityCheck>();

        var early = await check.RunAsync(Cancel);
        app.Clock.Advance(check.OrphanGrace + TimeSpan.FromMinutes(1));
        var late = await check.RunAsync(Cancel);

        Assert.Equal(0, early.OrphansRemoved);
        Assert.Equal(1, late.OrphansRemoved);
        Assert.True(late.Healthy);
        var stored = (await app.DocumentsAsync()).Single(d => d.Id == id).StoredName!;
        Assert.Equal(new[] { "not-ours/notes.txt", stored }.Order(StringComparer.Ordinal),
            (await TestS3.ObjectsAsync(bucket)).Select(o => o.Key).Order(StringComparer.Ordinal));
    }
}
