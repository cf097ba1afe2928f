using Amazon.S3;
using Amazon.S3.Model;
using DocManager.Storage;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The S3-compatible server the tests use (s3rver). `./test.sh` starts one and passes its address in
/// DOCMANAGER_TEST_S3; without it the tests that need it fail (not skip), saying how to run them.
/// Each test works in a bucket of its own, created and deleted here.
/// </summary>
public static class TestS3
{
    private static readonly Lazy<IAmazonS3> AdminClient = new(() => Options("admin").CreateClient());

    public static string ServiceUrl =>
        Environment.GetEnvironmentVariable("DOCMANAGER_TEST_S3")
        ?? throw new InvalidOperationException("DOCMANAGER_TEST_S3 is not set: run ./test.sh, which starts s3rver (an S3-compatible server) for the tests.");

    /// <summary>A client for the tests' own look-ups, separate from the app's.</summary>
    public static IAmazonS3 Client => AdminClient.Value;

    /// <summary>The settings an S3 store on <paramref name="bucket"/> uses: s3rver's built-in account, path-style addressing.</summary>
    public static S3StoreOptions Options(string bucket, long partSizeBytes = 16L * 1024 * 1024) => new()
    {
        Bucket = bucket,
        ServiceUrl = ServiceUrl,
        Region = "us-east-1",
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        ForcePathStyle = true,
        PartSizeBytes = partSizeBytes,
    };

    /// <summary>The `Storage:*` configuration for an app instance on <paramref name="bucket"/>.</summary>
    public static Dictionary<string, string?> Settings(string bucket) => new()
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:Bucket"] = bucket,
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:Region"] = "us-east-1",
        ["Storage:S3:AccessKey"] = "S3RVER",
        ["Storage:S3:SecretKey"] = "S3RVER",
        ["Storage:S3:ForcePathStyle"] = "true",
    };

    public static async Task<string> CreateBucketAsync()
    {
        var bucket = "dm-test-" + Guid.NewGuid().ToString("N");
        await Client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }

    /// <summary>Empties and removes a test's bucket: objects, unfinished multipart uploads, then the bucket.</summary>
    public static async Task DeleteBucketAsync(string bucket)
    {
        foreach (var upload in await UploadsInProgressAsync(bucket))
        {
            await Client.AbortMultipartUploadAsync(bucket, upload.Key, upload.UploadId);
        }

        foreach (var item in await ObjectsAsync(bucket))
        {
            await Client.DeleteObjectAsync(bucket, item.Key);
        }

        await Client.DeleteBucketAsync(bucket);
    }

    public static async Task<List<S3Object>> ObjectsAsync(string bucket)
    {
        var response = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return response.S3Objects ?? [];
    }

    public static async Task<List<MultipartUpload>> UploadsInProgressAsync(string bucket)
    {
        var response = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        return response.MultipartUploads ?? [];
    }

    public static async Task<byte[]> ReadObjectAsync(string bucket, string key)
    {
        using var response = await Client.GetObjectAsync(bucket, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    public static Task PutObjectAsync(string bucket, string key, byte[] content) =>
        Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
}
