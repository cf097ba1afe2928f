using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Previews;

/// <summary>Files whose previews can really be made, and what a client sees of them.</summary>
public static class PreviewSteps
{
    /// <summary>A real PNG (Skia-encoded) of the given pixel size.</summary>
    public static TestFile RealPng(string name, int width, int height) => new(name, TestImages.Png(width, height), "image/png");

    /// <summary>
    /// The only pictures are the app's own previews, from its own routes: a card's thumbnail or the
    /// viewer's page or picture, never an element that a title, description or file name could build.
    /// </summary>
    public static void AssertOnlyPreviewImages(IEnumerable<AngleSharp.Dom.IElement> images) =>
        Assert.All(images, img =>
        {
            Assert.True(img.ParentElement?.ClassList.Contains("doc-thumb") == true || img.ClassList.Contains("viewer-page") || img.ClassList.Contains("viewer-image"), img.OuterHtml);
            Assert.Matches(@"^/documents/\d+/(thumbnail|pages/\d+)\?v=[0-9a-f]{12}$", img.GetAttribute("src"));
        });

    /// <summary>The document's `preview` as the JSON API shows it.</summary>
    public static async Task<(string Status, int Pages)> PreviewAsync(this Browser browser, int id)
    {
        using var document = await browser.DocumentJsonAsync(id);
        var preview = document.RootElement.GetProperty("preview");
        return (preview.GetProperty("status").GetString()!, preview.GetProperty("pages").GetInt32());
    }

    /// <summary>The document's `text` as the JSON API shows it.</summary>
    public static async Task<(string Status, string? Source)> TextStatusAsync(this Browser browser, int id)
    {
        using var document = await browser.DocumentJsonAsync(id);
        var text = document.RootElement.GetProperty("text");
        return (text.GetProperty("status").GetString()!, text.GetProperty("source").GetString());
    }

    /// <summary>
    /// Waits until the document's preview is no longer pending, for previews slower than
    /// <see cref="JobSteps.WaitForJobsAsync"/> waits for (LibreOffice starting with a new profile on a busy machine).
    /// </summary>
    public static async Task<(string Status, int Pages)> WaitForPreviewAsync(this Browser browser, int id, TimeSpan limit)
    {
        var preview = ("pending", 0);
        await Processes.WaitUntilAsync($"the preview of document {id} is made", limit,
            async () => (preview = await browser.PreviewAsync(id)).Item1 != "pending", () => preview.ToString());
        return preview;
    }

    /// <summary>The document's file as `GET /files/{id}` downloads it.</summary>
    public static async Task<byte[]> DownloadAsync(this Browser browser, int id)
    {
        using var response = await browser.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Fetches an image route and decodes what came back, checking it is WebP.</summary>
    public static async Task<(int Width, int Height)> WebpSizeAsync(this Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        using var image = TestImages.DecodeWebp(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return (image.Width, image.Height);
    }

    private static async Task<JsonDocument> DocumentJsonAsync(this Browser browser, int id)
    {
        using var response = await browser.GetAsync($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
