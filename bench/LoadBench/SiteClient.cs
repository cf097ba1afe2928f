using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace DocManager.Bench.Load;

/// <summary>
/// An HTTP client that keeps its own cookies by name (whatever their Secure flag, which a plain-HTTP
/// loopback run may leave on) and sends the page's anti-forgery token where the app expects it.
/// </summary>
internal sealed class SiteClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public SiteClient(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 32 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public string CookieHeader => string.Join("; ", _cookies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Loads a page and returns its `csrf-token` meta value.</summary>
    public async Task<string> PageTokenAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token: null, content: null, HttpStatusCode.OK, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        const string Marker = "<meta name=\"csrf-token\" content=\"";
        var start = html.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{path} carries no csrf-token meta element");
        }

        start += Marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    public async Task PostFormAsync(string path, string token, HttpStatusCode expected, CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await SendAsync(HttpMethod.Post, path, token: null, form, expected, cancellationToken);
    }

    public async Task PostJsonAsync(string path, string token, object body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body);
        using var response = await SendAsync(HttpMethod.Post, path, token, content, expected, cancellationToken);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content, HttpStatusCode expected, CancellationToken cancellationToken,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (_cookies.IsEmpty is false)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }

        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        var response = await _http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0].Trim()] = pair[1].Trim();
            }
        }

        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {body[..Math.Min(body.Length, 300)]}");
        }

        return response;
    }

    public void Dispose() => _http.Dispose();
}
