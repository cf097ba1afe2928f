namespace DocManager.Tests.Infrastructure;

/// <summary>Which real services an app instance under test runs on.</summary>
public enum Backend
{
    /// <summary>The embedded default: SQLite file, sessions and keys in the data directory.</summary>
    Sqlite,

    /// <summary>PostgreSQL for data and sessions, keys in the database.</summary>
    Postgres,

    /// <summary>The scaled-out configuration: PostgreSQL, with sessions, keys and rate limits in Redis.</summary>
    PostgresRedis,
}
