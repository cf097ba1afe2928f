using System.Net;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Security;

namespace DocManager.Tests.Documents;

/// <summary>`/files/{id}?inline=1` (SPEC §3): images and PDFs open in the browser, sandboxed; anything else stays a download.</summary>
public sealed class InlineDownloadTests
{
    public static TheoryData<string> Viewable => ["png", "pdf"];

    public static TheoryData<string> NotViewable => ["docx", "txt"];

    [Theory]
    [MemberData(nameof(Viewable))]
    public async Task Inline_OfAnImageOrPdf_IsShownInlineUnderASandbox(string kind)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = Make(kind);
        var id = await browser.UploadDocumentAsync(file);

        using var response = await browser.GetAsync($"/files/{id}?inline=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("sandbox", response.Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal(file.Content, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(NotViewable))]
    public async Task Inline_OfOtherTypes_StaysAnAttachment(string kind)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = Make(kind);
        var id = await browser.UploadDocumentAsync(file);

        using var response = await browser.GetAsync($"/files/{id}?inline=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(file.Name, disposition.FileName?.Trim('"'));
        Assert.Equal(file.Content, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Download_WithoutInline_IsAnAttachmentEvenForAnImage()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Png());

        using var response = await browser.GetAsync($"/files/{id}");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    private static TestFile Make(string kind) => kind switch
    {
        "png" => TestFile.Png("diagram.png"),
        "pdf" => TestFile.Pdf("paper.pdf"),
        "docx" => TestFile.Docx("letter.docx"),
        _ => TestFile.Text("readme.txt"),
    };
}
