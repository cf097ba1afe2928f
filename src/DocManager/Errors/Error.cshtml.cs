using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Errors;

/// <summary>
/// The friendly page for every failed HTML request (re-executed by the error middleware). It
/// says what happened in plain words and never shows exception details, paths or versions.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? RequestId { get; private set; }

    // No OnGet/OnPost: a failed request is re-executed with its own method (POST, PUT, DELETE…),
    // and the page must render the same for each.
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // A failed request re-executed here keeps the status its handler chose (503 for an outage, 4xx for
        // refused input); 500 otherwise. Visited directly, the page is an address like any unknown one.
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var reExecuted = failed || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var routed = RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : (int?)null;
        var code = !reExecuted ? StatusCodes.Status404NotFound
            : routed ?? (failed && Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Code;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = Code switch
        {
            400 => ("That request could not be processed", "Something in the request was not valid. If you submitted a form, reload the page and try again."),
            401 => ("Please sign in", "You need to sign in to see this page."),
            403 => ("You can't do that", "You can see this item, but only its owner can change it."),
            404 => ("Page not found", "There is nothing here, or it is not shared with you. Check the address, or go back to your documents."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Too large", "The upload is larger than allowed."),
            415 => ("Unsupported content", "This address does not take content of that type."),
            429 => ("Slow down", "Too many requests in a short time. Wait a little and try again."),
            503 => ("Temporarily unavailable", "The service is temporarily unavailable: a part DocManager depends on is not answering, so your request could not be completed. Try again in a moment."),
            507 => ("Out of storage space", "The server has run out of storage space, so your request could not be completed. Try again later."),
            >= 500 => ("Something went wrong", "We could not complete your request. It has been logged; please try again."),
            _ => ("That did not work", "The request could not be completed."),
        };
        // Refused input says what was wrong with it, in the app's own words.
        Explanation = BadRequestHandler.Message(HttpContext) ?? Explanation;
    }
}
