using DocManager.Hosting;
using DocManager.Sessions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocManager.Errors;

/// <summary>
/// Answers input the app refused while reading it — a <see cref="BadHttpRequestException"/>, thrown by
/// Kestrel (a body cut short or too large), by <see cref="JsonBody"/>, <see cref="InputGuard"/>
/// or the page filters — with its 4xx status and its message: a problem under `/api`, the error page
/// elsewhere (which shows the message). Logged as information: the client's mistake, not the app's.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException refused)
        {
            return false;
        }

        var status = refused.StatusCode is >= 400 and < 500 ? refused.StatusCode : StatusCodes.Status400BadRequest;
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        LogRefused(context.Request.Method, path, status, refused.Message);
        context.Response.StatusCode = status;
        if (!ApiAwareRedirects.IsApi(context.Request))
        {
            // Pages go on to the error page, re-executed with this status.
            return false;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = ApiProblems.Title(status), Detail = refused.Message },
        });
    }

    /// <summary>The message of a refused request, to show on the error page.</summary>
    public static string? Message(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused ? refused.Message : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Status} {Reason}")]
    private partial void LogRefused(string method, string? path, int status, string reason);
}
