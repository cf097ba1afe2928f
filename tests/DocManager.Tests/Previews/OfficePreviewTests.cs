using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Previews;

/// <summary>
/// SPEC §8: Office files get previews through the converter `Previews:Office` names (the real
/// LibreOffice here, as in <see cref="OfficeConverterTests"/>), and without one they show an icon of their type.
/// </summary>
public sealed class OfficePreviewTests
{
    [Fact]
    public async Task WithAConverter_AWordDocument_GetsAWebpThumbnailAndItsPages()
    {
        // LibreOffice starts with a new profile for each file, which takes a while on a busy machine.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Previews:Office"] = "soffice",
            ["Previews:Timeout"] = "00:02:00",
        });
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TextDocuments.Docx("report.docx", "Quarterly report", "Sales rose."));

        var (status, pages) = await owner.WaitForPreviewAsync(id, TimeSpan.FromMinutes(3));
        await app.WaitForJobsAsync();

        Assert.Equal("ready", status);
        Assert.True(pages >= 1, $"{pages} pages");
        var (width, height) = await owner.WebpSizeAsync($"/documents/{id}/thumbnail");
        Assert.Equal(400, Math.Max(width, height));
        Assert.Equal(1600, (await owner.WebpSizeAsync($"/documents/{id}/pages/1")).Width);
        var card = (await owner.GetPageAsync("/documents")).Card(id);
        Assert.NotNull(card?.QuerySelector($".doc-thumb img[src^='/documents/{id}/thumbnail']"));
    }

    [Fact]
    public async Task WithoutAConverter_AWordDocument_HasNoPreview_AndItsCardShowsItsType()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TextDocuments.Docx("report.docx", "Quarterly report", "Sales rose."));

        await app.WaitForJobsAsync();

        Assert.Equal(("none", 0), await owner.PreviewAsync(id));
        using (var thumbnail = await owner.GetAsync($"/documents/{id}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
        }

        var card = (await owner.GetPageAsync("/documents")).Card(id);
        Assert.NotNull(card);
        Assert.Null(card.QuerySelector(".doc-thumb img"));
        Assert.Equal("DOCX", card.QuerySelector(".doc-thumb .thumb-icon")?.TextContent);
        var viewer = (await owner.GetPageAsync($"/documents/{id}")).QuerySelector(".viewer .viewer-message")?.TextContent;
        Assert.Equal("Files of this type have no preview here. Download it to open it.", viewer);
    }
}
