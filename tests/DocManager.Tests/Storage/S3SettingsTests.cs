using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Storage;

/// <summary>A wrong or missing `Storage:S3` setting stops the app at start-up, naming the key, never echoing a secret.</summary>
public sealed class S3SettingsTests
{
    [Fact]
    public async Task StartingWithoutABucket_FailsWithAMessageNamingTheKey()
    {
        await using var environment = await TestEnvironment.CreateAsync(Backend.Sqlite);
        await using var instance = new DocManagerFactory(environment, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Storage:S3:AccessKey"] = "AKIDEXAMPLE",
            ["Storage:S3:SecretKey"] = "very-secret-value",
        });

        var error = Assert.Throws<InvalidOperationException>(() => instance.Server);

        Assert.Contains("Storage:S3:Bucket is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblem_IsNamed_InOneMessage()
    {
        var options = new S3StoreOptions { Bucket = "", AccessKey = "only-the-access-key", PartSizeBytes = 1024 };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Storage:S3:Bucket is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:S3:ServiceUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:S3:SecretKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:S3:PartSizeBytes must be at least 5242880", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointThatIsNotAUrl_IsRefused()
    {
        var options = new S3StoreOptions { Bucket = "files", ServiceUrl = "not a url" };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Storage:S3:ServiceUrl must be an absolute URL", error.Message, StringComparison.Ordinal);
    }
}
