using System.Diagnostics;
using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>
/// A full disk during an upload: a clear error, nothing stored, and the next upload that fits works.
/// The file store is a real 256 KiB tmpfs, so the disk really fills (the test script runs as root).
/// </summary>
public sealed class FullDiskTests : IAsyncLifetime
{
    private readonly string _mountPoint = Path.Combine(Path.GetTempPath(), "docmanager-fulldisk-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_mountPoint);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", _mountPoint);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", _mountPoint);
        Directory.Delete(_mountPoint, recursive: true);
    }

    [Fact]
    public async Task UploadThatFillsTheDisk_Answers507_StoresNothing_AndASmallerOneThenWorks()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Root"] = _mountPoint });
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await browser.UploadAsync(TestFile.Pdf("too-big-for-the-disk.pdf", extraBytes: 600 * 1024));

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Contains("no room", (await response.ReadHtmlAsync()).FieldError("file"), StringComparison.Ordinal);
        Assert.Empty(await app.DocumentsAsync());
        Assert.DoesNotContain(Directory.EnumerateFiles(_mountPoint, "*", SearchOption.AllDirectories), f => !Path.GetFileName(f).StartsWith(".ready", StringComparison.Ordinal));
        Assert.Equal((0L, 0), await app.UsageAsync(userName));

        await browser.UploadDocumentAsync(TestFile.Pdf("fits.pdf", extraBytes: 20 * 1024));
        Assert.Single(await app.DocumentsAsync());
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {error} (the tests need root to mount a small tmpfs)");
    }
}
