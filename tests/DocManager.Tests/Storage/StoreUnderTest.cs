using Amazon.S3;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocManager.Tests.Storage;

/// <summary>A real file store of either kind, on a temporary folder or a bucket of its own, for the store contract.</summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "docmanager-store-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _bucket;

    private StoreUnderTest(FileStoreKind kind, string? bucket, long partSizeBytes)
    {
        _bucket = bucket;
        if (bucket is null)
        {
            Store = new FileSystemStore(Path.Combine(_folder, "files"));
            return;
        }

        var options = TestS3.Options(bucket, partSizeBytes);
        Client = options.CreateClient();
        Store = new S3FileStore(Client, options, Path.Combine(_folder, "staging"), NullLogger<S3FileStore>.Instance);
    }

    public IFileStore Store { get; }

    /// <summary>The S3 store's own client (to watch its traffic), or null for a folder.</summary>
    public IAmazonS3? Client { get; }

    public string Bucket => _bucket ?? throw new InvalidOperationException("Not an S3 store");

    public static async Task<StoreUnderTest> CreateAsync(FileStoreKind kind, long partSizeBytes = S3StoreOptions.MinPartSize) =>
        new(kind, kind == FileStoreKind.S3 ? await TestS3.CreateBucketAsync() : null, partSizeBytes);

    /// <summary>Writes <paramref name="content"/> to staging, as the intake does, and returns its path.</summary>
    public async Task<string> StageAsync(byte[] content)
    {
        var path = Path.Combine(Store.StagingDirectory, StoredName.New() + ".upload");
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    public async Task<string> SaveAsync(byte[] content)
    {
        var name = StoredName.New();
        await Store.SaveAsync(name, await StageAsync(content), TestContext.Current.CancellationToken);
        return name;
    }

    public async Task<byte[]> ReadAsync(string name)
    {
        await using var stream = await Store.OpenReadAsync(name, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"{name} is not stored");
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, TestContext.Current.CancellationToken);
        return bytes.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_bucket is not null)
        {
            Client?.Dispose();
            await TestS3.DeleteBucketAsync(_bucket);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
