using System.Diagnostics;
using System.Net;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Intake;

/// <summary>
/// SPEC §7: a multipart form's parts may come in any order — the anti-forgery field before, between
/// or after the other fields and the files — as curl, Python's requests or a hand-built FormData send
/// them. Nothing is stored, and no quota used, unless the token is valid.
/// </summary>
public sealed class PartOrderTests
{
    /// <summary>Where the token part goes among title, description and the file(s).</summary>
    public static TheoryData<string> Orders => ["token,title,description,file", "title,description,token,file", "title,file,description,token", "file,token,title,description"];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task UploadWithTheTokenAnywhere_Lands(string order)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        await browser.RegisterNewUserAsync();
        var file = TestFile.Pdf("scan.pdf");

        using var response = await PostInOrderAsync(browser, order, await browser.FormTokenAsync("/upload", "/upload"), [file]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal($"/documents/{document.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Tax return 2026", "Filed in May"), (document.Title, document.Description));
        using var download = await browser.GetAsync($"/files/{document.Id}");
        Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [OnEachDatabase]
    public async Task SeveralFiles_WithTheTokenBetweenThem_AllLand(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = app.CreateBrowser();
        await browser.RegisterNewUserAsync();

        using var response = await PostInOrderAsync(browser, "file,token,file", await browser.FormTokenAsync("/upload", "/upload"), [TestFile.Pdf("first.pdf"), TestFile.Png("second.png")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location!.OriginalString);
        Assert.Equal(["first", "second"], (await app.DocumentsAsync()).OrderBy(d => d.Id).Select(d => d.Title));
    }

    [Fact]
    public async Task FilesWithoutAnyToken_AreRefusedAsMissingToken_AndNothingIsKept()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await PostInOrderAsync(browser, "title,description,file", token: "", [TestFile.Pdf()]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadHtmlAsync()).FieldError("file");
        Assert.Contains("no anti-forgery token", message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", message, StringComparison.OrdinalIgnoreCase);
        await app.AssertNothingStoredAsync(userName);
    }

    [Theory]
    [InlineData("title,description,file,token")]
    [InlineData("token,title,description,file")]
    public async Task AForgedToken_IsRefusedAsInvalid_WhereverItComes_AndTheStagedFileIsDeleted(string order)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await PostInOrderAsync(browser, order, "CfDJ8forged-token-value", [TestFile.Pdf(extraBytes: 300_000)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadHtmlAsync()).FieldError("file");
        Assert.Contains("anti-forgery token is not valid", message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", message, StringComparison.OrdinalIgnoreCase);
        await app.AssertNothingStoredAsync(userName);
    }

    [Fact]
    public async Task AnotherUsersToken_AfterTheFile_IsRefused_AndNothingIsKept()
    {
        // A page of another account: a valid token, but not for this session.
        await using var app = await TestApp.StartAsync();
        using var other = app.CreateBrowser();
        await other.RegisterNewUserAsync();
        var othersToken = await other.FormTokenAsync("/upload", "/upload");
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await PostInOrderAsync(browser, "file,title,description,token", othersToken, [TestFile.Pdf()]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await app.AssertNothingStoredAsync(userName);
        Assert.Empty(await app.DocumentsAsync());
    }

    [Fact]
    public async Task ARefusedFileBeforeTheToken_ShowsItsOwnReason_AndTheFieldsBeforeIt()
    {
        // The token after a file of a forbidden type: the refusal names the file (not the token), and
        // the fields read before it show again. Reading stops at the refused file.
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await PostInOrderAsync(browser, "title,description,file,token", await browser.FormTokenAsync("/upload", "/upload"), [new TestFile("tool.exe", "MZ"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("File type .exe not allowed", page.FieldError("file"));
        Assert.Equal("Tax return 2026", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=title]")!.Value);
        await app.AssertNothingStoredAsync(userName);
    }

    [Fact]
    public async Task ATitleGivenTwice_IsRefused_AsInEveryOtherForm()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();

        using var response = await PostInOrderAsync(browser, "token,title,title,file", await browser.FormTokenAsync("/upload", "/upload"), [TestFile.Pdf()]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'title' may be given only once", (await response.ReadHtmlAsync()).FieldError("file"));
        await app.AssertNothingStoredAsync(userName);
    }

    [Fact]
    public async Task CurlWithTheTokenAfterTheFields_Lands()
    {
        // The issue's own reproduction: curl -F title=… -F description=… -F __RequestVerificationToken=… -F file=@…
        // Plain HTTP on loopback, as on a private network: curl keeps no Secure cookie from an http:// site.
        await using var app = await KestrelTestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:SecureCookies"] = "false" });
        var work = Directory.CreateTempSubdirectory("docmanager-curl-");
        try
        {
            var jar = Path.Combine(work.FullName, "cookies");
            var scan = Path.Combine(work.FullName, "scan.pdf");
            await File.WriteAllBytesAsync(scan, TestFile.Pdf().Content, TestContext.Current.CancellationToken);
            var register = await CurlAsync(app, jar, "/register");
            await CurlAsync(app, jar, "/register", "--data-urlencode", $"__RequestVerificationToken={HiddenToken(register)}",
                "--data-urlencode", "username=curl_user", "--data-urlencode", "password=correct horse battery", "--data-urlencode", "confirmPassword=correct horse battery");
            var token = HiddenToken(await CurlAsync(app, jar, "/upload"));

            var answer = await CurlAsync(app, jar, "/upload", "-w", "%{http_code} %{redirect_url}", "-o", "/dev/null",
                "-F", "title=Tax return 2026", "-F", "description=Filed in May", "-F", $"__RequestVerificationToken={token}", "-F", $"file=@{scan};type=application/pdf");

            Assert.Matches(@"^303 http://127\.0\.0\.1:\d+/documents/\d+$", answer);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Posts the upload form with its parts in the given order; files take the `file` places in turn.</summary>
    private static async Task<HttpResponseMessage> PostInOrderAsync(Browser browser, string order, string token, IReadOnlyList<TestFile> files)
    {
        using var content = new MultipartFormDataContent();
        var nextFile = 0;
        foreach (var part in order.Split(','))
        {
            switch (part)
            {
                case "token" when token.Length > 0:
                    content.Add(new StringContent(token), "__RequestVerificationToken");
                    break;
                case "title":
                    content.Add(new StringContent("Tax return 2026"), "title");
                    break;
                case "description":
                    content.Add(new StringContent("Filed in May"), "description");
                    break;
                case "file":
                    var file = files[nextFile++];
                    content.Add(file.ToContent(), "file", file.Name);
                    break;
            }
        }

        return await browser.Http.PostAsync(new Uri("/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static string HiddenToken(string html) =>
        Browser.Parse(html).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    /// <summary>Runs curl against the app with a cookie jar; a body is sent when options say so.</summary>
    private static async Task<string> CurlAsync(KestrelTestApp app, string jar, string path, params string[] options)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--silent", "--show-error", "--cookie", jar, "--cookie-jar", jar, .. options, new Uri(app.BaseAddress, path).ToString()])
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var output = await curl.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await curl.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await curl.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(curl.ExitCode == 0, $"curl {path} failed: {error}");
        return output;
    }
}
