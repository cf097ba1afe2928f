using Microsoft.Net.Http.Headers;

namespace DocManager.Hosting;

/// <summary>
/// Bodies that are not uploads — forms and JSON — are read whole into memory, so they have a limit.
/// The largest a note can be is title (100 characters), description (2,000), 10 tags of 32 and a
/// category and priority: at most about 30 KiB even with every character written as a JSON `\u`
/// escape or a percent-encoded 4-byte character. Twice that is no sane note, and it is refused.
/// </summary>
public static class SmallBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The whole body, which is text in UTF-8 (<paramref name="what"/> names it in the refusal of another
    /// charset, a 415), or a 413 as soon as it is longer than <see cref="MaxBytes"/>.
    /// </summary>
    public static async Task<byte[]> ReadUtf8Async(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var media) && media.Charset.HasValue &&
            !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException($"Send {what} encoded as UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    private static BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {MaxBytes / 1024} KiB, the most this address takes.", StatusCodes.Status413PayloadTooLarge);
}
