namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The state one or more app instances share in a test: a data directory, a PostgreSQL database,
/// a Redis key prefix and, for <see cref="FileStoreKind.S3"/>, an S3 bucket. Two factories on the same environment behave like two instances of one
/// deployment (or one instance before and after a restart).
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(Backend backend, string dataDirectory, string? postgres, string? redisPrefix, string? s3Bucket)
    {
        Backend = backend;
        DataDirectory = dataDirectory;
        PostgresConnectionString = postgres;
        RedisPrefix = redisPrefix;
        S3Bucket = s3Bucket;
    }

    public Backend Backend { get; }

    public string DataDirectory { get; }

    public string? PostgresConnectionString { get; }

    public string? RedisPrefix { get; }

    /// <summary>The bucket the instances keep files in, when they use the S3 store.</summary>
    public string? S3Bucket { get; }

    public static async Task<TestEnvironment> CreateAsync(Backend backend, FileStoreKind store = FileStoreKind.FileSystem)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "docmanager-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var postgres = backend == Backend.Sqlite ? null : await TestServers.CreatePostgresDatabaseAsync();
        var redisPrefix = backend == Backend.PostgresRedis ? $"test:{Guid.NewGuid():N}:" : null;
        if (redisPrefix is not null)
        {
            _ = TestServers.RedisConnectionString;
        }

        var s3Bucket = store == FileStoreKind.S3 ? await TestS3.CreateBucketAsync() : null;
        return new TestEnvironment(backend, dataDirectory, postgres, redisPrefix, s3Bucket);
    }

    /// <summary>The configuration an app instance on this environment starts with.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = DataDirectory,
            ["Database:Provider"] = Backend == Backend.Sqlite ? "Sqlite" : "Postgres",
        };
        if (PostgresConnectionString is not null)
        {
            settings["ConnectionStrings:Postgres"] = PostgresConnectionString;
        }

        if (RedisPrefix is not null)
        {
            settings["ConnectionStrings:Redis"] = TestServers.RedisConnectionString;
            settings["Redis:KeyPrefix"] = RedisPrefix;
        }

        if (S3Bucket is not null)
        {
            foreach (var (key, value) in TestS3.Settings(S3Bucket))
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresConnectionString is not null)
        {
            await TestServers.DropPostgresDatabaseAsync(PostgresConnectionString);
        }

        if (RedisPrefix is not null)
        {
            await TestServers.DeleteRedisKeysAsync(RedisPrefix);
        }

        if (S3Bucket is not null)
        {
            await TestS3.DeleteBucketAsync(S3Bucket);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host; the temporary folder is cleaned by the OS.
        }
    }
}

/// <summary>Where an app instance under test keeps its files.</summary>
public enum FileStoreKind
{
    /// <summary>The default: a folder in the data directory.</summary>
    FileSystem,

    /// <summary>A bucket of its own on the tests' S3-compatible server.</summary>
    S3,
}
