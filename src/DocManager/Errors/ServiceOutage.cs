using System.Net;
using Amazon.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using StackExchange.Redis;

namespace DocManager.Errors;

/// <summary>
/// Tells a failing service the app depends on (Redis, PostgreSQL, the S3 file store, a full disk under the database)
/// apart from a bug. The first is temporary trouble on the server's side: the request answers 503
/// (507 for a full disk) with `Retry-After`, and the client can simply try again. Anything else
/// stays a 500.
/// </summary>
public static class ServiceOutage
{
    public const string Redis = "Redis";
    public const string Postgres = "PostgreSQL";
    public const string Disk = "Database disk";
    public const string FileStore = "File store";

    private const int SqliteFull = 13;

    /// <summary>What failed and the status to answer, or null when the exception is not an outage.</summary>
    public static Outage? Classify(Exception exception)
    {
        foreach (var cause in Causes(exception))
        {
            if (Of(cause) is { } status)
            {
                return new Outage(status.Service, status.Status, cause);
            }
        }

        return null;
    }

    /// <summary>True while the error page for an outage is being rendered (the request is re-executed for it).</summary>
    public static bool IsBeingReported(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && Classify(error) is not null;

    private static (string Service, int Status)? Of(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => (Redis, StatusCodes.Status503ServiceUnavailable),
        // Right after a restart Redis answers LOADING until its data is read back in.
        RedisServerException server when IsStartingUp(server.Message) => (Redis, StatusCodes.Status503ServiceUnavailable),
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => (Postgres, StatusCodes.Status507InsufficientStorage),
        // Class 08 is "connection exception"; 57P01-57P03 are a server shutting down or starting up.
        PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal)
            => (Postgres, StatusCodes.Status503ServiceUnavailable),
        // Refused or broken connections, timeouts, an exhausted pool: Npgsql marks them transient.
        NpgsqlException { IsTransient: true } => (Postgres, StatusCodes.Status503ServiceUnavailable),
        SqliteException { SqliteErrorCode: SqliteFull } => (Disk, StatusCodes.Status507InsufficientStorage),
        // The app's only outgoing HTTP is the S3 store's: an endpoint that cannot be reached, or that
        // answers with a server error after the SDK's own retries, is the store being unavailable.
        HttpRequestException => (FileStore, StatusCodes.Status503ServiceUnavailable),
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => (FileStore, StatusCodes.Status503ServiceUnavailable),
        _ => null,
    };

    private static bool IsStartingUp(string message) =>
        message.StartsWith("LOADING", StringComparison.Ordinal) || message.StartsWith("BUSY", StringComparison.Ordinal) ||
        message.StartsWith("MASTERDOWN", StringComparison.Ordinal) || message.StartsWith("TRYAGAIN", StringComparison.Ordinal);

    /// <summary>The exception and everything it wraps (EF Core and the framework wrap driver errors).</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}

/// <summary>A service that is down (<see cref="ServiceOutage.Redis"/>, …), the status that says so, and the driver's own error.</summary>
public sealed record Outage(string Service, int Status, Exception Cause);
