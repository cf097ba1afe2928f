using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Previews;

/// <summary>The details page shows the document itself (SPEC §8), and nothing in a file runs as script.</summary>
public sealed class ViewerPageTests
{
    [Fact]
    public async Task AMarkdownFile_IsRendered_WithRawHtmlAndScriptLinksDisabled()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("readme.md",
            "# Plans\n\nSee [the site](https://example.org) or [this](javascript:alert(1)).\n\n<script>alert(2)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));

        var viewer = (await owner.GetPageAsync($"/documents/{id}")).QuerySelector("[data-viewer]")!;

        Assert.Equal("Plans", viewer.QuerySelector(".viewer-markdown h2")?.TextContent);
        Assert.NotNull(viewer.QuerySelector(".viewer-markdown table"));
        Assert.Empty(viewer.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(2)</script>", viewer.TextContent, StringComparison.Ordinal);
        var hrefs = viewer.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("https://example.org", hrefs);
        Assert.DoesNotContain(hrefs, href => href.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ATextFile_IsShownAsEscapedText()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("page.txt", "<img src=x onerror=alert(1)> plain & simple\n"));

        var viewer = (await owner.GetPageAsync($"/documents/{id}")).QuerySelector("[data-viewer]")!;

        Assert.Equal("<img src=x onerror=alert(1)> plain & simple\n", viewer.QuerySelector("pre.viewer-text")?.TextContent);
        Assert.Empty(viewer.QuerySelectorAll("img"));
    }

    [Fact]
    public async Task APageBeyondTheEnd_ShowsTheLastPage_AndAPageThatIsNotANumberIs400()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(MultiPagePdf.Create("pair.pdf", "first", "second"));
        await app.WaitForJobsAsync();

        var last = await owner.GetPageAsync($"/documents/{id}?page=99");
        using var junk = await owner.GetAsync($"/documents/{id}?page=two");
        using var huge = await owner.GetAsync($"/documents/{id}?page=99999999999999999999");

        Assert.StartsWith($"/documents/{id}/pages/2?v=", last.QuerySelector("img.viewer-page")?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal($"/documents/{id}?page=1", last.QuerySelector("[data-page-previous]")?.GetAttribute("href"));
        Assert.Null(last.QuerySelector("[data-page-next]")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task WhileTheWorkIsPending_ThePageSaysSo_AndWhenItFailed_SaysWhy()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Instance:Role"] = "web" });
        using var owner = await app.NewUserAsync();
        var pending = await owner.UploadDocumentAsync(MultiPagePdf.Create("later.pdf", "soon"));

        var page = await owner.GetPageAsync($"/documents/{pending}");

        Assert.Contains("Making the preview", page.QuerySelector("[data-viewer]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Reading text…", page.QuerySelector("[data-text-status]")?.TextContent);
    }

    [Fact]
    public async Task AFileThatCannotBePreviewed_ShowsTheReason()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(PreviewSteps.RealPng("fine.png", 10, 10) with
        {
            Content = [.. TestImages.PngHeaderClaiming(100_000, 100_000)],
        });
        await app.WaitForJobsAsync();

        var viewer = (await owner.GetPageAsync($"/documents/{id}")).QuerySelector("[data-viewer]")!;

        Assert.Equal(("failed", 0), await owner.PreviewAsync(id));
        Assert.Contains("100000 × 100000 pixels", viewer.TextContent, StringComparison.Ordinal);
    }
}
