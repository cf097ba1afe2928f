using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// What a page's script does with the JSON API (SPEC §4): the same session cookie as the browser,
/// and on every unsafe method the token from the page's <c>&lt;meta name="csrf-token"&gt;</c> in
/// the `X-CSRF-TOKEN` header. Tests that need a missing or wrong token say so with <see cref="SendAsync(HttpRequestMessage, string?)"/>.
/// </summary>
public sealed class ApiClient(Browser browser)
{
    public const string CsrfHeader = "X-CSRF-TOKEN";

    private string? _token;

    public Browser Browser { get; } = browser;

    /// <summary>The token a page offers its scripts, read once from a real page as a script would.</summary>
    public async Task<string> CsrfTokenAsync()
    {
        if (_token is null)
        {
            _token = (await Browser.GetPageAsync("/documents")).CsrfToken();
            Assert.False(string.IsNullOrEmpty(_token), "the page carries no <meta name=\"csrf-token\">");
        }

        return _token!;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Browser.Http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Sends a request with the page's token on unsafe methods, as the app's scripts do.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) =>
        await SendAsync(request, IsSafe(request.Method) ? null : await CsrfTokenAsync());

    /// <summary>Sends a request with exactly this `X-CSRF-TOKEN` (none when null): for forged-request tests.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? csrfToken)
    {
        if (csrfToken is not null)
        {
            request.Headers.TryAddWithoutValidation(CsrfHeader, csrfToken);
        }

        return Browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) => SendAsync(Request(HttpMethod.Post, url, body));

    public Task<HttpResponseMessage> PatchJsonAsync(string url, object body, string? ifMatch = null) => SendAsync(Request(HttpMethod.Patch, url, body, ifMatch));

    public Task<HttpResponseMessage> DeleteAsync(string url, string? ifMatch = null) => SendAsync(Request(HttpMethod.Delete, url, ifMatch: ifMatch));

    /// <summary>`POST /api/files` with the fields and files of the upload form (files as `file` parts).</summary>
    public Task<HttpResponseMessage> UploadAsync(IEnumerable<TestFile> files, params KeyValuePair<string, string>[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/api/files", UriKind.Relative)) { Content = Multipart(files, fields) });

    /// <summary>`POST /api/documents/{id}/versions`: the file (as the `file` part) replaces the document's file.</summary>
    public Task<HttpResponseMessage> ReplaceFileAsync(int documentId, TestFile file) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/documents/{documentId}/versions", UriKind.Relative)) { Content = Multipart([file], []) });

    /// <summary>Creates a note through the API, which must answer 201, and returns its JSON.</summary>
    public async Task<JsonElement> CreateNoteAsync(object body)
    {
        using var response = await PostJsonAsync("/api/documents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/documents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.JsonAsync();
    }

    /// <summary>GETs a URL that must answer 200 with JSON, and returns the JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.JsonAsync();
    }

    /// <summary>A document with its current `ETag`.</summary>
    public async Task<(JsonElement Document, string ETag)> GetDocumentAsync(int id)
    {
        using var response = await GetAsync($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), $"GET /api/documents/{id} sent no ETag");
        return (await response.JsonAsync(), etag!);
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, object? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (json is not null)
        {
            request.Content = json as HttpContent ?? JsonContent.Create(json, json.GetType());
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    /// <summary>A multipart body as the upload form sends it, without the form's hidden token field.</summary>
    public static MultipartFormDataContent Multipart(IEnumerable<TestFile> files, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? [])
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            content.Add(file.ToContent(), "file", file.Name);
        }

        return content;
    }

    private static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
}

public static class ApiResponses
{
    /// <summary>The response's JSON body, detached from the response so it outlives it.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.Clone();
    }

    /// <summary>
    /// Asserts an RFC 9457 problem (SPEC §4): `application/problem+json` with `status`, a `title`
    /// and a `detail`, and returns it. With <paramref name="detail"/>, the first message must be that one.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? detail = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var problem = json.RootElement.Clone();
        Assert.True(problem.TryGetProperty("status", out var statusValue) && statusValue.TryGetInt32(out var statusNumber) && statusNumber == (int)status, $"no status {(int)status} in {body}");
        Assert.True(problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString()), $"no title in {body}");
        Assert.True(problem.TryGetProperty("detail", out var detailValue) && !string.IsNullOrWhiteSpace(detailValue.GetString()), $"no detail in {body}");
        if (detail is not null)
        {
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }

        return problem;
    }

    /// <summary>Asserts a validation problem (400 with `errors: { field: [...] }`) naming <paramref name="field"/>, and returns its messages.</summary>
    public static async Task<string[]> AssertValidationProblemAsync(this HttpResponseMessage response, string field, string? message = null)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, message);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object, $"no errors object in {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no errors.{field} in {problem}");
        var list = messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.NotEmpty(list);
        Assert.Equal(list[0], problem.GetProperty("detail").GetString());
        if (message is not null)
        {
            Assert.Contains(message, list);
        }

        return list;
    }

    /// <summary>The names of a JSON object's properties, sorted, for exact-shape checks.</summary>
    public static string[] PropertyNames(this JsonElement element) =>
        [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static int Id(this JsonElement element) => element.GetProperty("id").GetInt32();

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static IReadOnlyList<int> Ids(this JsonElement items) => [.. items.EnumerateArray().Select(Id)];
}

public static class ApiClients
{
    /// <summary>This browser's session as a script would use it.</summary>
    public static ApiClient Api(this Browser browser) => new(browser);
}

public static class ApiDates
{
    /// <summary>Asserts an ISO 8601 UTC time (ending in Z) equal to the app's clock, to the database's precision.</summary>
    public static void AssertIsNow(this TestApp app, string value)
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$", value);
        var time = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.True((app.Clock.GetUtcNow() - time).Duration() < TimeSpan.FromMilliseconds(1), $"{value} is not the app's time {app.Clock.GetUtcNow():O}");
    }
}
