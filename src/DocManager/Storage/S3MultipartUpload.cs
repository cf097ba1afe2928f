using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DocManager.Storage;

/// <summary>
/// One large file uploaded in parts: initiate, upload each part from its offset in the staged file,
/// complete. Whatever fails, the upload is aborted, so S3 keeps (and bills) no stray parts.
/// </summary>
internal sealed partial class S3MultipartUpload(
    IAmazonS3 client, string bucket, string key, string path, long size, long partSize, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var initiated = await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = "application/octet-stream" }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long offset = 0; offset < size; offset += partSize)
            {
                var response = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = initiated.UploadId,
                    PartNumber = parts.Count + 1,
                    FilePath = path,
                    FilePosition = offset,
                    PartSize = Math.Min(partSize, size - offset),
                    IsLastPart = offset + partSize >= size,
                    // As for single uploads: signed up front rather than as an aws-chunked stream.
                    UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag(parts.Count + 1, response.ETag));
            }

            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = initiated.UploadId,
                PartETags = parts,
            }, cancellationToken);
            LogUploaded(key, parts.Count);
        }
        catch
        {
            await AbortAsync(initiated.UploadId);
            throw;
        }
    }

    private async Task AbortAsync(string uploadId)
    {
        try
        {
            // Not cancellable: the request that was cancelled still owes S3 this clean-up.
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None);
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException)
        {
            // A bucket lifecycle rule for incomplete multipart uploads is the backstop (see the S3 decision note).
            LogAbortFailed(exception, key, uploadId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded {Key} to S3 in {Parts} parts")]
    private partial void LogUploaded(string key, int parts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not abort the multipart upload {UploadId} of {Key}; its parts may linger")]
    private partial void LogAbortFailed(Exception exception, string key, string uploadId);
}
