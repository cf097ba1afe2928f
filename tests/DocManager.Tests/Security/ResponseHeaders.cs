namespace DocManager.Tests.Security;

/// <summary>Reads the headers SPEC §5 promises, from headers and content headers alike.</summary>
internal static class ResponseHeaders
{
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public static IEnumerable<string> HeaderNames(this HttpResponseMessage response) =>
        response.Headers.Concat<KeyValuePair<string, IEnumerable<string>>>(response.Content.Headers).Select(h => h.Key);

    /// <summary>The Content-Security-Policy as directive name to its sources.</summary>
    public static Dictionary<string, string[]> ContentSecurityPolicy(this HttpResponseMessage response)
    {
        var policy = response.Header("Content-Security-Policy");
        Assert.False(string.IsNullOrWhiteSpace(policy), $"{response.RequestMessage?.RequestUri} has no Content-Security-Policy");
        return policy!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0].ToLowerInvariant(), parts => parts[1..], StringComparer.Ordinal);
    }
}
