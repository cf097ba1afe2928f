using System.Net;
using System.Net.Http.Headers;
using Amazon.S3;
using Amazon.S3.Model;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Storage;

/// <summary>The whole app with `Storage:Provider=S3`: uploads, downloads and deletes go to a real S3-compatible server.</summary>
public sealed class S3EndToEndTests
{
    private const int MiB = 1024 * 1024;

    private static readonly Dictionary<string, string?> SmallParts = new() { ["Storage:S3:PartSizeBytes"] = (5 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [OnEachDatabase]
    public async Task FormAndApiUploads_BecomeObjects_AndDownloadAsTheSameBytes(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, store: FileStoreKind.S3);
        using var browser = await app.NewUserAsync();
        var viaForm = TestFile.Pdf("form.pdf", extraBytes: 100_000);
        var viaApi = TestFile.Png("api.png");

        var formId = await browser.UploadDocumentAsync(viaForm);
        using var created = await browser.Api().UploadAsync([viaApi], new Field("title", "From the API"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var documents = await app.DocumentsAsync();
        var objects = await TestS3.ObjectsAsync(app.Environment.S3Bucket!);
        Assert.Equal(documents.Select(d => d.StoredName).Order(StringComparer.Ordinal), objects.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.Empty(app.StoredFiles()); // nothing in a local folder
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.Environment.DataDirectory, "staging")));
        foreach (var (document, file) in documents.Zip([viaForm, viaApi]))
        {
            using var download = await browser.GetAsync($"/files/{document.Id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal(file.Content, await TestS3.ReadObjectAsync(app.Environment.S3Bucket!, document.StoredName!));
        }

        Assert.Equal(formId, documents[0].Id);
    }

    [Fact]
    public async Task ALargeUpload_GoesUpInParts_AndDownloadsKeepETagRangeAnd416()
    {
        await using var app = await TestApp.StartAsync(settings: SmallParts, store: FileStoreKind.S3);
        using var browser = await app.NewUserAsync();
        var file = TestFile.PngOfSize("large.png", (12 * MiB) + 100);
        using var traffic = new S3Traffic(app.Instance.Service<IAmazonS3>());

        var id = await browser.UploadDocumentAsync(file);
        // Its preview and OCR jobs read the object too: done first, so the traffic below is the downloads' own.
        await app.WaitForJobsAsync();

        Assert.Equal(3, traffic.Responses<UploadPartResponse>().Count);
        EntityTagHeaderValue etag;
        using (var full = await browser.GetAsync($"/files/{id}"))
        {
            Assert.Equal(file.Content, await full.Content.ReadAsByteArrayAsync(Cancel));
            etag = full.Headers.ETag!;
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}"))
        {
            request.Headers.IfNoneMatch.Add(etag);
            using var notModified = await browser.Http.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        // A 1 MiB range of the 12 MiB file costs 1 MiB from S3, not the whole object.
        using var rangeTraffic = new S3Traffic(app.Instance.Service<IAmazonS3>());
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}"))
        {
            request.Headers.Range = new RangeHeaderValue(6 * MiB, (7 * MiB) - 1);
            using var partial = await browser.Http.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(file.Content[(6 * MiB)..(7 * MiB)], await partial.Content.ReadAsByteArrayAsync(Cancel));
        }

        Assert.Equal(MiB, rangeTraffic.ObjectBytesSent);
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}"))
        {
            request.Headers.Range = new RangeHeaderValue(file.Content.Length + 10, null);
            using var unsatisfiable = await browser.Http.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        }
    }

    [Fact]
    public async Task DeletingADocument_RemovesItsObject()
    {
        await using var app = await TestApp.StartAsync(store: FileStoreKind.S3);
        using var browser = await app.NewUserAsync();
        var kept = await browser.UploadDocumentAsync(TestFile.Pdf("kept.pdf"));
        var removed = await browser.UploadDocumentAsync(TestFile.Pdf("removed.pdf"));

        using var response = await browser.Api().DeleteAsync($"/api/documents/{removed}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(kept, document.Id);
        Assert.Equal([document.StoredName], (await TestS3.ObjectsAsync(app.Environment.S3Bucket!)).Select(o => o.Key));
    }

    [Fact]
    public async Task AnUploadRefusedAfterItsFileWasStored_LeavesNoObject()
    {
        await using var app = await TestApp.StartAsync(store: FileStoreKind.S3);
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf("first.pdf"), new Field("title", "Same title"));

        // The title is checked when the rows are committed, after the file went to S3.
        using var refused = await browser.UploadAsync(TestFile.Pdf("second.pdf"), new Field("title", "same TITLE"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal([document.StoredName], (await TestS3.ObjectsAsync(app.Environment.S3Bucket!)).Select(o => o.Key));
    }

    [Fact]
    public async Task Readiness_ChecksTheBucket()
    {
        await using var app = await TestApp.StartAsync(store: FileStoreKind.S3);
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
