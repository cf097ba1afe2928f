using System.Net;
using System.Security.Cryptography;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

public sealed class UploadRoundTripTests
{
    [Theory]
    [OnEachDatabase]
    public async Task UploadedBytes_DownloadExactly_WithTheRecordedHash(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf("Quarterly report.pdf", extraBytes: 300_000);

        var id = await browser.UploadDocumentAsync(file);

        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(file.Content, bytes);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(file.Sha256, document.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);
        Assert.Equal("Quarterly report", document.Title);
        Assert.Equal("Quarterly report.pdf", document.OriginalName);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal((file.Content.LongLength, 1), await app.UsageAsync(browser.UserName));
        Assert.Single(app.StoredFiles());
    }
}
