using System.Net;
using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DocManager.Hosting;

/// <summary>
/// Checks what every request carries that the framework reads leniently, before any page or endpoint
/// sees it. The query string and a url-encoded form must be UTF-8 (the framework would turn bad bytes
/// into U+FFFD and carry on), give each name once unless a form repeats it by design, and a form must
/// be a small UTF-8 body; it is parsed here, once, and handed on, so nothing downstream meets a form it
/// cannot read. A refusal is a 4xx <see cref="BadHttpRequestException"/> naming the problem. A `Range`
/// in a unit other than bytes is dropped: RFC 9110 §14.2 says to ignore it, the file results serve it.
/// </summary>
internal sealed class InputGuard(RequestDelegate next)
{
    /// <summary>Names that may repeat: `tags` (the document forms' tag fields), `ids` (the notifications marked read).</summary>
    private static readonly HashSet<string> Repeatable = new(["tags", "ids"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a field may be given more than once; the streamed upload form follows the same rule.</summary>
    public static bool MayRepeat(string name) => Repeatable.Contains(name);

    public async Task InvokeAsync(HttpContext context)
    {
        // An error page shown for a refused request meets the same input again; it was answered already.
        if (context.Features.Get<IExceptionHandlerFeature>() is null && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            CheckQuery(context.Request);
            if (IsUrlEncodedForm(context.Request))
            {
                await ReadFormAsync(context);
            }

            DropRangesInOtherUnits(context.Request);
        }

        await next(context);
    }

    private static void CheckQuery(HttpRequest request)
    {
        if (request.QueryString.Value is { Length: > 0 } query && !IsUtf8(Encoding.UTF8.GetBytes(query)))
        {
            throw new BadHttpRequestException("The query string is not valid UTF-8.");
        }

        CheckOnce(request.Query);
    }

    private static async Task ReadFormAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await SmallBody.ReadUtf8Async(request, "the form", context.RequestAborted);
        if (!IsUtf8(body))
        {
            throw new BadHttpRequestException("The form is not valid UTF-8.");
        }

        Dictionary<string, StringValues> fields;
        try
        {
            fields = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        }
        catch (InvalidDataException exception)
        {
            throw new BadHttpRequestException($"The form could not be read: {exception.Message}");
        }

        CheckOnce(fields);
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        request.Body = new MemoryStream(body, writable: false);
    }

    private static void CheckOnce(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        foreach (var (name, values) in parameters)
        {
            if (values.Count > 1 && !MayRepeat(name))
            {
                throw new BadHttpRequestException(GivenTwice(name));
            }
        }
    }

    public static string GivenTwice(string name) => $"'{name}' may be given only once";

    private static void DropRangesInOtherUnits(HttpRequest request)
    {
        if (RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range) &&
            !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Remove(HeaderNames.Range);
        }
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var media) &&
        media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether percent-encoded text (`+` for space, `%XX` for bytes) decodes to UTF-8.</summary>
    private static bool IsUtf8(byte[] encoded) => Utf8.IsValid(WebUtility.UrlDecodeToBytes(encoded, 0, encoded.Length));
}

public static class InputGuardSetup
{
    /// <summary>Checks the query string and a url-encoded form (see <see cref="InputGuard"/>); after the error pages, so a refusal is answered like any other 4xx.</summary>
    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.UseMiddleware<InputGuard>();
}
