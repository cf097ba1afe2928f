namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A real, tiny disk (a tmpfs of a few hundred KiB) mounted in a temporary folder, so a test can
/// fill it for real. Mounting needs root, which ./test.sh and CI have; without it the test fails
/// saying so rather than being skipped. Always unmounted on dispose.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(string size)
    {
        if (!Processes.IsRoot)
        {
            throw new InvalidOperationException("This test mounts a small tmpfs to fill a disk for real, which needs root: run it as root (./test.sh in CI is).");
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "docmanager-smalldisk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        try
        {
            await Processes.RunAsync("mount", "-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", path);
        }
        catch
        {
            Directory.Delete(path);
            throw;
        }

        return new SmallDisk(path);
    }

    /// <summary>Every file on the disk (the file store's readiness probes aside), staging included.</summary>
    public string[] Files() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Where(f => !System.IO.Path.GetFileName(f).StartsWith(".ready-", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        // Lazy, so a file the stopping app still holds open cannot keep the mount alive.
        await Processes.RunAsync("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }
}
