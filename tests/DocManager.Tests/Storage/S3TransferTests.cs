using Amazon.S3.Model;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Storage;

/// <summary>
/// How the S3 store moves bytes, proven from the requests its client really made: large files go up
/// in parts, a failed multipart upload is aborted, and reads fetch only the ranges asked for.
/// </summary>
public sealed class S3TransferTests
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFileLargerThanThePartSize_GoesUpInParts_AndReadsBackTheSame()
    {
        await using var test = await StoreUnderTest.CreateAsync(FileStoreKind.S3, partSizeBytes: 5 * MiB);
        using var traffic = new S3Traffic(test.Client!);
        var content = TestFile.RandomBytes(11 * MiB);

        var name = await test.SaveAsync(content);

        Assert.Equal(3, traffic.Responses<UploadPartResponse>().Count); // 5 + 5 + 1 MiB
        Assert.Single(traffic.Responses<CompleteMultipartUploadResponse>());
        Assert.Empty(traffic.Responses<PutObjectResponse>());
        Assert.Empty(await TestS3.UploadsInProgressAsync(test.Bucket));
        Assert.Equal(content, await test.ReadAsync(name));
    }

    [Fact]
    public async Task AFileUpToThePartSize_GoesUpInOneRequest()
    {
        await using var test = await StoreUnderTest.CreateAsync(FileStoreKind.S3, partSizeBytes: 5 * MiB);
        using var traffic = new S3Traffic(test.Client!);
        var content = TestFile.RandomBytes(5 * MiB);

        var name = await test.SaveAsync(content);

        Assert.Single(traffic.Responses<PutObjectResponse>());
        Assert.Empty(traffic.Responses<InitiateMultipartUploadResponse>());
        Assert.Equal(content, await test.ReadAsync(name));
    }

    [Fact]
    public async Task AMultipartUploadThatFailsPartWay_IsAborted_LeavingNoPartsAndNoObject()
    {
        await using var test = await StoreUnderTest.CreateAsync(FileStoreKind.S3, partSizeBytes: 5 * MiB);
        using var traffic = new S3Traffic(test.Client!);
        using var clientGone = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        // GIVEN the client goes away right after the first part has reached S3
        traffic.AfterResponse = response =>
        {
            if (response is UploadPartResponse)
            {
                clientGone.Cancel();
            }
        };
        var staged = await test.StageAsync(TestFile.RandomBytes(12 * MiB));
        var name = StoredName.New();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test.Store.SaveAsync(name, staged, clientGone.Token));

        Assert.Single(traffic.Responses<UploadPartResponse>());
        Assert.Single(traffic.Responses<AbortMultipartUploadResponse>());
        Assert.Empty(await TestS3.UploadsInProgressAsync(test.Bucket));
        Assert.Empty(await TestS3.ObjectsAsync(test.Bucket));
        Assert.False(await test.Store.ExistsAsync(name, Cancel));
    }

    [Fact]
    public async Task ReadingOneMiBFromTheMiddleOfALargeObject_FetchesOnlyThatMiB()
    {
        await using var test = await StoreUnderTest.CreateAsync(FileStoreKind.S3, partSizeBytes: 5 * MiB);
        var content = TestFile.RandomBytes(12 * MiB);
        var name = await test.SaveAsync(content);
        using var traffic = new S3Traffic(test.Client!);

        await using var stream = (await test.Store.OpenReadAsync(name, Cancel))!;
        stream.Seek(6 * MiB, SeekOrigin.Begin);
        var range = new byte[MiB];
        await stream.ReadExactlyAsync(range, Cancel);

        Assert.Equal(content[(6 * MiB)..(7 * MiB)], range);
        Assert.Equal(MiB, traffic.ObjectBytesSent);
    }

    [Fact]
    public async Task ReadingAWholeLargeObject_TakesAFewGrowingRanges_AndEveryByteOnce()
    {
        await using var test = await StoreUnderTest.CreateAsync(FileStoreKind.S3, partSizeBytes: 5 * MiB);
        var content = TestFile.RandomBytes(12 * MiB);
        var name = await test.SaveAsync(content);
        using var traffic = new S3Traffic(test.Client!);

        Assert.Equal(content, await test.ReadAsync(name));

        Assert.Equal(content.Length, traffic.ObjectBytesSent);
        Assert.Equal([MiB, 2 * MiB, 4 * MiB, 5 * MiB], traffic.Responses<GetObjectResponse>().Select(r => r.ContentLength));
    }
}
