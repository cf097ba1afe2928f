using System.Net;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Sweep;

namespace DocManager.Tests.Intake;

/// <summary>
/// A multipart body a client or fuzzer gets wrong is a 400 that says what is wrong and keeps nothing
/// (no row, no staged or stored file, no quota), on every multipart route — never a 500.
/// </summary>
public sealed class MalformedMultipartTests
{
    /// <summary>Every kind of broken body (the sweep sends each to every multipart route with the token in the header).</summary>
    public static TheoryData<string> Kinds => [.. MalformedMultipart.Bodies.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task BrokenBody_AfterTheFormsToken_Is400_AndKeepsNothing(string kind)
    {
        // The token checked from the body, then the body breaks: the upload page's own path.
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await SendAsync(browser, "/upload", MalformedMultipart.Bodies[kind]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await MessageAsync(response));
        await app.AssertNothingStoredAsync(userName);
    }

    [Theory]
    [OnEachDatabase]
    public async Task TruncatedBody_OnEachDatabase_Is400_AndKeepsNothing(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        foreach (var route in (string[])["/upload", "/api/files"])
        {
            using var response = await SendAsync(browser, route, MalformedMultipart.Bodies["ends mid-file without the closing boundary"]);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("ended before", await MessageAsync(response), StringComparison.Ordinal);
        }

        await app.AssertNothingStoredAsync(userName);
    }

    [Fact]
    public async Task NotUtf8Field_SaysSo()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        await browser.RegisterNewUserAsync();

        using var response = await SendAsync(browser, "/api/files", MalformedMultipart.Bodies["a field that is not UTF-8"]);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("UTF-8", await MessageAsync(response), StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends the body as a client would: to `/upload` with the form's token as the first part, to
    /// `/api/files` with the token in the header.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(Browser browser, string route, (string ContentType, byte[] Body) malformed)
    {
        var token = await browser.Api().CsrfTokenAsync();
        var body = malformed.Body;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(route, UriKind.Relative));
        if (route == "/upload" && MalformedMultipart.BoundaryOf(malformed.ContentType) is { } boundary)
        {
            body = [.. MalformedMultipart.Ascii($"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"), .. body];
        }
        else
        {
            request.Headers.Add(ApiClient.CsrfHeader, token);
        }

        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", malformed.ContentType);
        return await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The message a user sees: the field error on the page, or the problem's detail.</summary>
    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.JsonAsync()).GetProperty("detail").GetString() ?? ""
            : (await response.ReadHtmlAsync()).FieldError("file") ?? "";
}
