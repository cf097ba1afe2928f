using System.Runtime.CompilerServices;

namespace DocManager.Storage;

/// <summary>
/// Files in a local or shared folder (by default `DataDirectory/files`, never under wwwroot), in
/// sharded sub-folders `ab/cd/abcd…` so no directory grows huge. Staging is by default a sub-folder of
/// the same disk, so saving is an atomic rename (elsewhere it is a copy, still before any row refers to it).
/// </summary>
internal sealed class FileSystemStore : IFileStore
{
    private readonly string _root;

    public FileSystemStore(string root, string? stagingDirectory = null)
    {
        _root = Path.GetFullPath(root);
        StagingDirectory = Path.GetFullPath(stagingDirectory ?? Path.Combine(_root, ".staging"));
        Directory.CreateDirectory(StagingDirectory);
    }

    public string StagingDirectory { get; }

    public Task SaveAsync(string name, string stagedPath, CancellationToken cancellationToken)
    {
        var target = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(stagedPath, target, overwrite: false);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public string? LocalPath(string name) => PathOf(name);

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(name)));

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(name));
        }
        catch (DirectoryNotFoundException)
        {
            // Never stored (or its shard folder is gone): deleting it is done, as on S3.
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(_root, "*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (StoredName.IsValid(name) && path == PathOf(name))
            {
                yield return new StoredFile(name, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
            }
        }

        await Task.CompletedTask;
    }

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(StagingDirectory, $".ready-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string name)
    {
        StoredName.RequireValid(name);
        return Path.Combine(_root, name[..2], name[2..4], name);
    }
}
