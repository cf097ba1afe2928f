using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Faults;

/// <summary>
/// The disk fills during an upload: a clear error (507), nothing stored (no row, no file, nothing
/// staged, usage unchanged), and the next upload that fits works. The file store is a real tmpfs of
/// 256 KiB, so the disk really fills.
/// </summary>
public sealed class DiskFullTests
{
    private const string NoRoom = "The server has no room for this upload right now; nothing was saved. Try again later.";

    [Fact]
    public async Task UploadPageFillingTheDisk_Answers507WithTheFormAndItsError_StoresNothing_AndASmallerOneThenWorks()
    {
        await using var disk = await SmallDisk.MountAsync("256k");
        await using var app = await TestApp.StartAsync(settings: OnDisk(disk));
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync(TestFile.Pdf("too-big-for-the-disk.pdf", extraBytes: 600 * 1024));

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(NoRoom, page.FieldError("file"));
        Assert.NotNull(page.QuerySelector("form[action='/upload']"));
        await AssertNothingStoredAsync(app, disk, browser.UserName);

        await browser.UploadDocumentAsync(TestFile.Pdf("fits.pdf", extraBytes: 20 * 1024));
        Assert.Single(await app.DocumentsAsync());
        await app.AssertIntegrityIntactAsync(expectedFiles: 1);
    }

    [Fact]
    public async Task ApiUploadFillingTheDisk_Answers507Problem_AndStoresNothing()
    {
        await using var disk = await SmallDisk.MountAsync("256k");
        await using var app = await TestApp.StartAsync(settings: OnDisk(disk));
        using var browser = await app.NewUserAsync();
        var kept = await browser.UploadDocumentAsync(TestFile.Pdf("already-stored.pdf", extraBytes: 20 * 1024));

        using var response = await browser.Api().UploadAsync([TestFile.Png("small.png"), TestFile.Pdf("too-big-for-the-disk.pdf", extraBytes: 600 * 1024)]);

        await response.AssertProblemAsync(HttpStatusCode.InsufficientStorage, NoRoom);
        var documents = await app.DocumentsAsync();
        Assert.Equal([kept], documents.Select(d => d.Id));
        Assert.Equal([documents[0].StoredName!], disk.Files().Select(Path.GetFileName));
        Assert.Equal((documents[0].Size, 1), await app.UsageAsync(browser.UserName));
        await app.AssertIntegrityIntactAsync(expectedFiles: 1);
    }

    private static Dictionary<string, string?> OnDisk(SmallDisk disk) => new() { ["Storage:Root"] = disk.Path };

    private static async Task AssertNothingStoredAsync(TestApp app, SmallDisk disk, string userName)
    {
        Assert.Empty(await app.DocumentsAsync());
        Assert.Empty(disk.Files());
        Assert.Equal((0L, 0), await app.UsageAsync(userName));
    }
}
