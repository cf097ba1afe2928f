namespace DocManager.Tests.Sweep;

/// <summary>
/// A request to a catalogued route, with its placeholders filled in. It starts valid
/// (<see cref="SweepWorld.Valid"/>); the sweep spoils one part of it with `with`.
/// </summary>
/// <param name="Route">The route it is sent to.</param>
/// <param name="Method">The method (a sweep may send one the route does not take).</param>
/// <param name="Path">The path, parameters filled in.</param>
/// <param name="Query">The query string as sent, without `?`.</param>
/// <param name="Fields">Form or multipart fields as sent (the anti-forgery field is added when sent).</param>
/// <param name="Json">The JSON body as sent.</param>
public sealed record SweepRequest(CataloguedRoute Route, string Method, string Path, string Query, string Fields, string Json)
{
    /// <summary>Bytes sent instead of the body made from <see cref="Fields"/> or <see cref="Json"/>.</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>Sent instead of the content type of the route's body kind; empty sends none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Sends the body without a length (chunked), as a client streaming it would.</summary>
    public bool Chunked { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public SweepRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    /// <summary>The query's or the fields' parameters as sent (name and encoded value).</summary>
    public static List<KeyValuePair<string, string>> Pairs(string encoded) =>
        [.. encoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))];

    public static string Join(IEnumerable<KeyValuePair<string, string>> pairs) => string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The same parameters with the value of <paramref name="name"/> (every occurrence) replaced.</summary>
    public static string Replace(string encoded, string name, string value) =>
        Join(Pairs(encoded).Select(p => p.Key == name ? new KeyValuePair<string, string>(name, value) : p));

    /// <summary>The request as a failure report shows it: what was sent, long values cut short.</summary>
    public override string ToString()
    {
        var body = RawBody is { } raw ? $"{raw.Length} bytes " + Short(System.Text.Encoding.Latin1.GetString(raw))
            : Route.Body == BodyKind.Json ? Short(Json)
            : Route.Body is BodyKind.Form or BodyKind.Multipart ? Short(Fields)
            : "";
        return $"{Method} {Path}{(Query.Length > 0 ? "?" + Short(Query) : "")}" +
            string.Concat(Headers.Select(h => $" [{h.Key}: {Short(h.Value)}]")) +
            (ContentType is null ? "" : $" [Content-Type: {ContentType}]") + (Chunked ? " [chunked]" : "") +
            (body.Length > 0 ? " body " + body : "");
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + $"…({text.Length})";
}

/// <summary>What a client sees of an answer: status, type, the problem's or error page's message, and the headers the sweep checks.</summary>
public sealed record SweepAnswer(int Status, string? MediaType, string? Detail, string? AcceptRanges, string? ETag, long? Length)
{
    public override string ToString() => $"{Status} {MediaType}{(Detail is null ? "" : ": " + Detail)}";
}
