using DocManager.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace DocManager.Tests.Errors;

/// <summary>Which failures are a service being down (503, or 507 for a full disk) and which stay a 500.</summary>
public sealed class ServiceOutageTests
{
    public static TheoryData<string, int?> Failures => new()
    {
        { "redis-refused", 503 },
        { "redis-timeout", 503 },
        { "redis-loading", 503 },
        { "redis-wrong-type", null },
        { "postgres-refused-inside-ef", 503 },
        { "postgres-shutting-down", 503 },
        { "postgres-starting-up", 503 },
        { "postgres-disk-full", 507 },
        { "postgres-no-such-database", null },
        { "postgres-syntax-error", null },
        { "sqlite-full", 507 },
        { "sqlite-constraint", null },
        { "bug", null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_TellsOutagesFromBugs(string failure, int? status) =>
        Assert.Equal(status, ServiceOutage.Classify(Make(failure))?.Status);

    private static Exception Make(string failure) => failure switch
    {
        "redis-refused" => new RedisConnectionException(ConnectionFailureType.UnableToConnect, "refused"),
        "redis-timeout" => new RedisTimeoutException("timeout", CommandStatus.Sent),
        "redis-loading" => new RedisServerException("LOADING Redis is loading the dataset in memory"),
        "redis-wrong-type" => new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind of value"),
        "postgres-refused-inside-ef" => new InvalidOperationException("likely a transient failure",
            new DbUpdateException("save failed", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)))),
        "postgres-shutting-down" => Postgres(PostgresErrorCodes.AdminShutdown),
        "postgres-starting-up" => Postgres(PostgresErrorCodes.CannotConnectNow),
        "postgres-disk-full" => Postgres(PostgresErrorCodes.DiskFull),
        "postgres-no-such-database" => Postgres(PostgresErrorCodes.InvalidCatalogName),
        "postgres-syntax-error" => Postgres(PostgresErrorCodes.SyntaxError),
        "sqlite-full" => new DbUpdateException("save failed", new SqliteException("database or disk is full", 13)),
        "sqlite-constraint" => new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19)),
        _ => new InvalidOperationException("a bug"),
    };

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
