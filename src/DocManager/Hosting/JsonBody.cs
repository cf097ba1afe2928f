using System.Reflection;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace DocManager.Hosting;

/// <summary>
/// The JSON object a request sends, as every JSON endpoint takes it (a handler parameter of this type).
/// Whatever is wrong with the body is a 4xx naming it, thrown as a <see cref="BadHttpRequestException"/>
/// and answered as a problem: no body (400), another content type or charset (415), more than
/// <see cref="SmallBody.MaxBytes"/> (413), bytes that are not UTF-8, text that is not JSON (a property
/// given twice included), `\u` escapes that are no character, or JSON that is not an object (400).
/// An endpoint then only checks its own fields.
/// </summary>
public sealed class JsonBody : IEndpointParameterMetadataProvider
{
    private const string NotJson = "Send the body as JSON, with Content-Type: application/json.";

    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    private JsonBody(JsonElement root) => Root = root;

    /// <summary>The body: always a JSON object whose text is all valid Unicode.</summary>
    public JsonElement Root { get; }

    public static async ValueTask<JsonBody?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        if (request.ContentType is { } type && !IsJson(type))
        {
            throw Refused(StatusCodes.Status415UnsupportedMediaType, NotJson);
        }

        var bytes = await SmallBody.ReadUtf8Async(request, "JSON", context.RequestAborted);
        if (bytes.Length == 0)
        {
            throw Refused(StatusCodes.Status400BadRequest, "The request has no body: send a JSON object.");
        }

        // Without a content type, an empty body is "no body" (above); one with bytes is of an unknown type.
        if (request.ContentType is null)
        {
            throw Refused(StatusCodes.Status415UnsupportedMediaType, NotJson);
        }

        // JSON parsers check the structure, not the bytes inside strings: those only fail when read.
        if (!Utf8.IsValid(bytes))
        {
            throw Refused(StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }

        using var document = Parse(bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Refused(StatusCodes.Status400BadRequest, "The body must be a JSON object.");
        }

        CheckText(document.RootElement);
        return new JsonBody(document.RootElement.Clone());
    }

    /// <summary>Describes the body as JSON to OpenAPI, as the framework's own JSON binding would.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(JsonElement)));

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static JsonDocument Parse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException exception)
        {
            throw Refused(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}");
        }
        catch (InvalidOperationException)
        {
            // Looking for names given twice reads every name, and an escaped lone surrogate fails to read.
            throw LoneSurrogate();
        }
    }

    /// <summary>Reads every name and string once, so an escaped lone surrogate is refused here rather than failing an endpoint.</summary>
    private static void CheckText(JsonElement element)
    {
        try
        {
            Walk(element);
        }
        catch (InvalidOperationException)
        {
            throw LoneSurrogate();
        }

        static void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
            }
        }
    }

    private static BadHttpRequestException LoneSurrogate() =>
        Refused(StatusCodes.Status400BadRequest, "The body holds a \\u escape that is not a character (a lone surrogate).");

    private static BadHttpRequestException Refused(int status, string detail) => new(detail, status);
}
