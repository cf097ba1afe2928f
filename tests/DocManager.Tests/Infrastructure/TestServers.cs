using Npgsql;
using StackExchange.Redis;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis servers the tests use. `./test.sh` starts throwaway ones and passes
/// their addresses in DOCMANAGER_TEST_POSTGRES and DOCMANAGER_TEST_REDIS. Without them the tests
/// that need them fail (not skip), saying how to run them.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<ConnectionMultiplexer> RedisConnection = new(() =>
        ConnectionMultiplexer.Connect(RedisConnectionString));

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("DOCMANAGER_TEST_POSTGRES")
        ?? throw new InvalidOperationException("DOCMANAGER_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL for the tests.");

    public static string RedisConnectionString =>
        Environment.GetEnvironmentVariable("DOCMANAGER_TEST_REDIS")
        ?? throw new InvalidOperationException("DOCMANAGER_TEST_REDIS is not set: run ./test.sh, which starts Redis for the tests.");

    public static IConnectionMultiplexer Redis => RedisConnection.Value;

    /// <summary>Creates an empty database of its own for one test; the app migrates it on start.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "dm_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Removes every key a test created under its own prefix.</summary>
    public static async Task DeleteRedisKeysAsync(string prefix)
    {
        foreach (var endpoint in Redis.GetEndPoints())
        {
            var server = Redis.GetServer(endpoint);
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await Redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
