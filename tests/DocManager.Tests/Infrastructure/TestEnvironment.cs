namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The state one or more app instances share in a test: a data directory, a PostgreSQL database
/// and a Redis key prefix. Two factories on the same environment behave like two instances of one
/// deployment (or one instance before and after a restart).
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(Backend backend, string dataDirectory, string? postgres, string? redisPrefix)
    {
        Backend = backend;
        DataDirectory = dataDirectory;
        PostgresConnectionString = postgres;
        RedisPrefix = redisPrefix;
    }

    public Backend Backend { get; }

    public string DataDirectory { get; }

    public string? PostgresConnectionString { get; }

    public string? RedisPrefix { get; }

    public static async Task<TestEnvironment> CreateAsync(Backend backend)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "docmanager-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var postgres = backend == Backend.Sqlite ? null : await TestServers.CreatePostgresDatabaseAsync();
        var redisPrefix = backend == Backend.PostgresRedis ? $"test:{Guid.NewGuid():N}:" : null;
        if (redisPrefix is not null)
        {
            _ = TestServers.RedisConnectionString;
        }

        return new TestEnvironment(backend, dataDirectory, postgres, redisPrefix);
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
