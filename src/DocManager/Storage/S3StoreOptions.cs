using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace DocManager.Storage;

/// <summary>The `Storage:S3` settings, checked at start-up so a missing one is a clear error, not a failed upload later.</summary>
public sealed class S3StoreOptions
{
    /// <summary>S3's smallest part (every part but the last must be at least this big).</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    public string Bucket { get; set; } = "";

    /// <summary>The endpoint of an S3-compatible server; empty for AWS itself (then <see cref="Region"/> picks the endpoint).</summary>
    public string? ServiceUrl { get; set; }

    public string? Region { get; set; }

    /// <summary>With <see cref="SecretKey"/>; when both are empty the SDK's default credential chain is used (environment, profile, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>`endpoint/bucket/key` instead of `bucket.endpoint/key`: what most self-hosted S3 servers need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Files larger than this go up as a multipart upload, in parts of this size.</summary>
    public long PartSizeBytes { get; set; } = 16L * 1024 * 1024;

    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            problems.Add("Storage:S3:Bucket is required");
        }

        if (string.IsNullOrWhiteSpace(ServiceUrl) && string.IsNullOrWhiteSpace(Region))
        {
            problems.Add("set Storage:S3:ServiceUrl (an S3-compatible endpoint) or Storage:S3:Region (AWS)");
        }

        if (!string.IsNullOrWhiteSpace(ServiceUrl) && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
        {
            problems.Add("Storage:S3:ServiceUrl must be an absolute URL such as https://s3.example.com");
        }

        if (string.IsNullOrWhiteSpace(AccessKey) != string.IsNullOrWhiteSpace(SecretKey))
        {
            problems.Add("set both Storage:S3:AccessKey and Storage:S3:SecretKey, or neither (to use the default AWS credentials)");
        }

        if (PartSizeBytes < MinPartSize)
        {
            problems.Add($"Storage:S3:PartSizeBytes must be at least {MinPartSize} (5 MiB, the smallest part S3 accepts)");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The S3 file store is not configured: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>A client for these settings. The secret goes only into the credentials object, never into a log or message.</summary>
    public AmazonS3Client CreateClient()
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = ForcePathStyle,
            // SDK v4 adds CRC checksums to every upload (as a trailer in an aws-chunked body) and checks
            // them on downloads. S3-compatible servers such as s3rver do not understand the trailer and
            // would store it as part of the file; DocManager checks its files with its own SHA-256
            // (see IntegrityCheck), so checksums are sent and checked only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(ServiceUrl))
        {
            config.ServiceURL = ServiceUrl;
            if (!string.IsNullOrWhiteSpace(Region))
            {
                config.AuthenticationRegion = Region;
            }
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }

        return string.IsNullOrWhiteSpace(AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), config);
    }
}
