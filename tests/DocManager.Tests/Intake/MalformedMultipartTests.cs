using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>
/// A multipart body a client or fuzzer gets wrong is a 400 that says what is wrong and keeps nothing
/// (no row, no staged or stored file, no quota), on every multipart route — never a 500.
/// </summary>
public sealed class MalformedMultipartTests
{
    private const string Boundary = "----docmanager-test-boundary";

    /// <summary>The routes that take a multipart upload; a new one joins by being listed here.</summary>
    public static TheoryData<string> Routes => ["/upload", "/api/files"];

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var route in Routes)
            {
                foreach (var kind in MalformedBodies.Keys)
                {
                    data.Add(route, kind);
                }
            }

            return data;
        }
    }

    /// <summary>Each kind of broken body: its Content-Type and its bytes after the anti-forgery part.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[] Body)> MalformedBodies = new()
    {
        ["ends mid-file without the closing boundary"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj\n<< /Type /Cat")),
        ["ends inside a part's headers"] = (Multipart(Boundary), Ascii($"--{Boundary}\r\nContent-Disposition: form-da")),
        ["ends right after a boundary line"] = (Multipart(Boundary), Ascii($"--{Boundary}\r\n")),
        ["a part without Content-Disposition"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 anonymous\r\n--{Boundary}--\r\n")),
        ["a Content-Disposition that is not form-data"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\n\r\n%PDF-1.4\r\n--{Boundary}--\r\n")),
        ["a part's headers longer than allowed"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\nX-Padding: {new string('a', 40_000)}\r\n\r\nTitle\r\n--{Boundary}--\r\n")),
        ["a boundary longer than 70 characters"] = (Multipart(new string('b', 71)),
            Ascii($"--{new string('b', 71)}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n\r\n%PDF-1.4\r\n--{new string('b', 71)}--\r\n")),
        ["no boundary parameter"] = ("multipart/form-data", Ascii("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--x--\r\n")),
        ["bytes that are not multipart at all"] = (Multipart(Boundary), [0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]),
        ["a field that is not UTF-8"] = (Multipart(Boundary),
            [.. Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"), 0xff, 0xfe, 0xc3, 0x28,
             .. Ascii($"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--{Boundary}--\r\n")]),
        ["an empty body"] = (Multipart(Boundary), []),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BrokenBody_Is400_AndKeepsNothing(string route, string kind)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await SendAsync(browser, route, MalformedBodies[kind]);

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
            using var response = await SendAsync(browser, route, MalformedBodies["ends mid-file without the closing boundary"]);

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

        using var response = await SendAsync(browser, "/api/files", MalformedBodies["a field that is not UTF-8"]);

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
        if (route == "/upload" && malformed.ContentType.Contains("boundary=", StringComparison.Ordinal))
        {
            var boundary = malformed.ContentType[(malformed.ContentType.IndexOf("boundary=", StringComparison.Ordinal) + "boundary=".Length)..];
            body = [.. Ascii($"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"), .. body];
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

    private static string Multipart(string boundary) => $"multipart/form-data; boundary={boundary}";

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
