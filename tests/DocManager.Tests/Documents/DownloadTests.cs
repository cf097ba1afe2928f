using System.Net;
using System.Net.Http.Headers;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Security;

namespace DocManager.Tests.Documents;

/// <summary>`GET /files/{id}` (SPEC §3, §7): the exact bytes, as an attachment, with the headers a safe download needs.</summary>
public sealed class DownloadTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Download_ReturnsTheExactBytes_AsAnAttachmentWithTheOriginalName(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf("Annual report.pdf", extraBytes: 70_000);
        var id = await browser.UploadDocumentAsync(file);

        using var response = await browser.GetAsync($"/files/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.Content, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Annual report.pdf", disposition.FileName?.Trim('"'));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Download_OfANonAsciiName_GivesFilenameStarInUtf8(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        const string name = "Résumé 2024 – ünïcode.pdf";
        var id = await browser.UploadDocumentAsync(TestFile.Pdf(name));

        using var response = await browser.GetAsync($"/files/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("filename*=UTF-8''", response.Header("Content-Disposition"), StringComparison.OrdinalIgnoreCase);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name, disposition.FileNameStar);
    }

    [Fact]
    public async Task Download_HasTheVerifiedContentType_NotTheTypeTheClientClaimed()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = TestFile.Png("innocent.png") with { ClaimedType = "text/html" };
        var id = await browser.UploadDocumentAsync(file);

        using var response = await browser.GetAsync($"/files/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/png", Assert.Single(await app.DocumentsAsync()).ContentType);
        Assert.Equal(file.Content, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Download_WithItsETagInIfNoneMatch_Returns304WithoutBody()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf());
        EntityTagHeaderValue etag;
        using (var first = await browser.GetAsync($"/files/{id}"))
        {
            etag = first.Headers.ETag ?? throw new InvalidOperationException("The download has no ETag");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}");
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Download_WithAnotherETagInIfNoneMatch_ReturnsTheBytes()
    {
        // The control for the 304 test: only the file's own ETag means "not modified".
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf();
        var id = await browser.UploadDocumentAsync(file);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.Content, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Download_WithRange_Returns206WithThoseBytes(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf(extraBytes: 5000);
        var id = await browser.UploadDocumentAsync(file);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}");
        request.Headers.Range = new RangeHeaderValue(10, 19);
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(file.Content[10..20], await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var range = response.Content.Headers.ContentRange!;
        Assert.Equal("bytes", range.Unit);
        Assert.Equal((10L, 19L, (long)file.Content.Length), (range.From, range.To, range.Length));
    }

    [Fact]
    public async Task Download_AdvertisesByteRanges()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf());

        using var response = await browser.GetAsync($"/files/{id}");

        Assert.Equal("bytes", response.Header("Accept-Ranges"));
    }

    [Fact]
    public async Task Download_WithAnUnsatisfiableRange_Returns416()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf(extraBytes: 100);
        var id = await browser.UploadDocumentAsync(file);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}");
        request.Headers.Range = new RangeHeaderValue(100_000, 100_010);
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal(file.Content.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task Head_AnswersLikeGet_WithoutTheBody()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf("head.pdf", extraBytes: 2000);
        var id = await browser.UploadDocumentAsync(file);

        using var request = new HttpRequestMessage(HttpMethod.Head, $"/files/{id}");
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(file.Content.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Download_OfANote_Returns404()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Just words");

        using var response = await browser.GetAsync($"/files/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
