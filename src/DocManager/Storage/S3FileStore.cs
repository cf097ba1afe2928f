using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DocManager.Storage;

/// <summary>
/// Files as objects in an S3 bucket (AWS or any S3-compatible server), keyed by their generated name.
/// Staging stays on this machine's disk; <see cref="SaveAsync"/> uploads the staged file (in parts when
/// it is large) and deletes it. Reads are ranged requests, so a 1 MiB range of a large file costs 1 MiB.
/// </summary>
internal sealed partial class S3FileStore(IAmazonS3 client, S3StoreOptions options, string stagingDirectory, ILogger<S3FileStore> logger)
    : IFileStore
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public string StagingDirectory { get; } = Directory.CreateDirectory(stagingDirectory).FullName;

    public string Bucket => options.Bucket;

    public async Task SaveAsync(string name, string stagedPath, CancellationToken cancellationToken)
    {
        StoredName.RequireValid(name);
        var size = new FileInfo(stagedPath).Length;
        await Guard(size > options.PartSizeBytes
            ? new S3MultipartUpload(client, options.Bucket, name, stagedPath, size, options.PartSizeBytes, logger).RunAsync(cancellationToken)
            : PutAsync(name, stagedPath, cancellationToken), "store", name);
        File.Delete(stagedPath);
    }

    private async Task PutAsync(string name, string stagedPath, CancellationToken cancellationToken) =>
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = name,
            FilePath = stagedPath,
            ContentType = "application/octet-stream",
            // The body is a seekable file, so it is hashed and signed up front; a streamed, chunk-signed
            // body (aws-chunked) is not decoded by every S3-compatible server.
            UseChunkEncoding = false,
        }, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var length = await LengthAsync(name, cancellationToken);
        return length is null ? null : new S3ObjectStream(client, options.Bucket, name, length.Value);
    }

    public string? LocalPath(string name) => null;

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await LengthAsync(name, cancellationToken) is not null;

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        Guard(client.DeleteObjectAsync(options.Bucket, StoredName.RequireValid(name), cancellationToken), "delete", name);

    public async IAsyncEnumerable<StoredFile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = options.Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                // Only names this app generates: anything else in the bucket is not ours to judge.
                if (StoredName.IsValid(item.Key) && item.LastModified is { } modified)
                {
                    yield return new StoredFile(item.Key, new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero));
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await client.HeadBucketAsync(new HeadBucketRequest { BucketName = options.Bucket }, timeout.Token);
            return true;
        }
        catch (Exception exception) when (IsUnreachableOrRefused(exception) || exception is IOException ||
                                          exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(options.Bucket, exception.Message);
            return false;
        }
    }

    private async Task<long?> LengthAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(options.Bucket, StoredName.RequireValid(name), cancellationToken);
            return head.ContentLength;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception exception) when (IsUnreachableOrRefused(exception))
        {
            throw new FileStoreException($"The file store could not be reached to read {name}.", exception);
        }
    }

    /// <summary>Callers see one kind of failure (an <see cref="IOException"/>) whatever went wrong on the way to S3.</summary>
    private static async Task Guard(Task operation, string what, string name)
    {
        try
        {
            await operation;
        }
        catch (Exception exception) when (IsUnreachableOrRefused(exception))
        {
            throw new FileStoreException($"The file store could not {what} {name}.", exception);
        }
    }

    /// <summary>What S3 or the way to it answers when a request fails: an error from the service, or no answer.</summary>
    private static bool IsUnreachableOrRefused(Exception exception) => exception is AmazonServiceException or HttpRequestException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 bucket {Bucket} is not available: {Reason}")]
    private partial void LogUnavailable(string bucket, string reason);
}
