using DocManager.Data;
using DocManager.Sessions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocManager.Errors;

/// <summary>
/// Answers a request that failed because a service is down: 503 (507 for a full disk) with
/// `Retry-After`, a problem for the API and the friendly error page for pages, logged once as a
/// warning with no stack trace (the outage, not the code, is the news). Nothing about the failure
/// reaches the client.
/// </summary>
internal sealed partial class ServiceOutageHandler(IProblemDetailsService problems, ILogger<ServiceOutageHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait: long enough for a restart, short enough for a person.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Detail = "The service is temporarily unavailable: a part DocManager depends on is not answering, so the request could not be completed. Try again in a moment.";
    public const string DiskFullDetail = "The server has run out of storage space, so the request could not be completed. Try again later.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (ServiceOutage.Classify(exception) is not { } outage)
        {
            return false;
        }

        // The middleware has already pointed the request at the error page; log what was asked for.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        LogOutage(outage.Service, context.Request.Method, path, outage.Status, outage.Cause.GetType().Name, outage.Cause.Message);
        if (outage.Service == ServiceOutage.Postgres)
        {
            ForgetPooledConnections(context);
        }

        context.Response.StatusCode = outage.Status;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!ApiAwareRedirects.IsApi(context.Request))
        {
            // Pages go on to the error page (re-executed with this status), which looks like the rest of the site.
            return false;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = outage.Status,
                Title = outage.Status == StatusCodes.Status503ServiceUnavailable ? "Service unavailable" : "Insufficient storage",
                Detail = outage.Status == StatusCodes.Status503ServiceUnavailable ? Detail : DiskFullDetail,
            },
        });
    }

    /// <summary>
    /// Npgsql hands out pooled connections without testing them, so after PostgreSQL restarts every
    /// idle one fails once. Dropping them at the first sign of trouble lets the next request connect afresh.
    /// </summary>
    private static void ForgetPooledConnections(HttpContext context)
    {
        if (context.RequestServices.GetService<AppDbContext>()?.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outage: {Service} failed; {Method} {Path} answered {Status} ({ExceptionType}: {Reason})")]
    private partial void LogOutage(string service, string method, string? path, int status, string exceptionType, string reason);
}
