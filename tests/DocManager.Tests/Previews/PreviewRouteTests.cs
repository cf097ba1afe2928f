using System.Net;
using System.Net.Http.Headers;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Security;

namespace DocManager.Tests.Previews;

/// <summary>
/// `GET /documents/{id}/thumbnail` and `/pages/{n}` (SPEC §8): made in the background after the
/// upload, served as WebP from the store with an ETag and year-long caching of versioned addresses,
/// and visible exactly when the document's details are.
/// </summary>
public sealed class PreviewRouteTests
{
    [Theory]
    [OnEachDatabase]
    public async Task APdf_GetsAThumbnailAndAnImagePerPage(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(MultiPagePdf.Create("three pages.pdf", "one", "two", "three"));

        await app.WaitForJobsAsync();

        Assert.Equal(("ready", 3), await owner.PreviewAsync(id));
        var (thumbWidth, thumbHeight) = await owner.WebpSizeAsync($"/documents/{id}/thumbnail");
        Assert.Equal(400, Math.Max(thumbWidth, thumbHeight));
        for (var page = 1; page <= 3; page++)
        {
            var (width, height) = await owner.WebpSizeAsync($"/documents/{id}/pages/{page}");
            Assert.Equal(1600, width);
            Assert.InRange(height, 2069, 2072); // US Letter's proportions
        }

        foreach (var missing in new[] { 0, 4, 99999 })
        {
            using var response = await owner.GetAsync($"/documents/{id}/pages/{missing}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnImage_GetsAThumbnailAndOnePage_NeverLargerThanItself()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var wide = await owner.UploadDocumentAsync(PreviewSteps.RealPng("wide.png", 3000, 1000));
        var small = await owner.UploadDocumentAsync(PreviewSteps.RealPng("small.png", 120, 80));

        await app.WaitForJobsAsync();

        Assert.Equal(("ready", 1), await owner.PreviewAsync(wide));
        Assert.Equal((400, 133), await owner.WebpSizeAsync($"/documents/{wide}/thumbnail"));
        Assert.Equal((1600, 533), await owner.WebpSizeAsync($"/documents/{wide}/pages/1"));
        Assert.Equal((120, 80), await owner.WebpSizeAsync($"/documents/{small}/thumbnail"));
        Assert.Equal((120, 80), await owner.WebpSizeAsync($"/documents/{small}/pages/1"));
    }

    [Fact]
    public async Task ATextFile_GetsAThumbnailOfItsLines_AndNoPageImages()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("todo.md", "# To do\n\n- buy milk\n"));

        await app.WaitForJobsAsync();

        Assert.Equal(("ready", 0), await owner.PreviewAsync(id));
        var (width, _) = await owner.WebpSizeAsync($"/documents/{id}/thumbnail");
        Assert.Equal(400, width);
        using var page = await owner.GetAsync($"/documents/{id}/pages/1");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task ANote_HasNoPreview()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Just words");

        await app.WaitForJobsAsync();

        Assert.Equal(("none", 0), await owner.PreviewAsync(id));
        Assert.Equal(("none", null), await owner.TextStatusAsync(id));
        using var response = await owner.GetAsync($"/documents/{id}/thumbnail");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BeforeItsJobRuns_ThePreviewIsPending_AndItsImages404()
    {
        // A web-only instance runs no jobs, so the upload's previews stay pending.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Instance:Role"] = "web" });
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(PreviewSteps.RealPng("later.png", 50, 50));

        Assert.Equal(("pending", 0), await owner.PreviewAsync(id));
        Assert.Equal(("pending", null), await owner.TextStatusAsync(id)); // a picture's words are read by OCR
        using var thumbnail = await owner.GetAsync($"/documents/{id}/thumbnail");
        using var page = await owner.GetAsync($"/documents/{id}/pages/1");
        Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task AVersionedAddress_IsCachedForAYear_AndAnyAddressRevalidatesWithItsETag()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(PreviewSteps.RealPng("cached.png", 500, 500));
        await app.WaitForJobsAsync();
        var versioned = (await owner.GetPageAsync($"/documents/{id}")).QuerySelector($"img[src^='/documents/{id}/pages/1?v=']")?.GetAttribute("src");
        Assert.NotNull(versioned);

        using var first = await owner.GetAsync(versioned);
        using var plain = await owner.GetAsync($"/documents/{id}/pages/1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var caching = first.Headers.CacheControl!;
        Assert.True(caching.Private);
        Assert.Equal(TimeSpan.FromDays(365), caching.MaxAge);
        Assert.Contains(caching.Extensions, e => e.Name == "immutable");
        Assert.Equal("nosniff", first.Header("X-Content-Type-Options"));
        Assert.True(plain.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.Zero, plain.Headers.CacheControl.MaxAge);
        Assert.True(plain.Headers.CacheControl.MustRevalidate);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(etag, plain.Headers.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/documents/{id}/pages/1", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await owner.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var thumbnail = await owner.GetAsync($"/documents/{id}/thumbnail");
        Assert.NotEqual(etag, thumbnail.Headers.ETag); // every image has its own tag
    }

    [Theory]
    [OnEachDatabase]
    public async Task AViewerSeesThePreviews_AStrangerGets404ForEveryRoute(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(MultiPagePdf.Create("shared.pdf", "page"));
        await owner.ShareDocumentAsync(id, viewer);
        await app.WaitForJobsAsync();

        foreach (var url in new[] { $"/documents/{id}/thumbnail", $"/documents/{id}/pages/1" })
        {
            using var seen = await viewer.GetAsync(url);
            using var hidden = await stranger.GetAsync(url);
            using var anonymous = await app.CreateBrowser().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.NotEqual("image/webp", anonymous.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [OnEachDatabase]
    public async Task DeletingADocument_RemovesItsPreviewImagesFromTheStore(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(MultiPagePdf.Create("two.pdf", "a", "b"));
        await app.WaitForJobsAsync();
        Assert.Equal(4, app.StoredFiles().Length); // the file, the thumbnail, two pages

        using var deleted = await owner.Api().DeleteAsync($"/api/documents/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(app.StoredFiles());
    }

    [Fact]
    public async Task InAnS3Store_PreviewsAreObjectsBesideTheFile_AndGoWithTheDocument()
    {
        await using var app = await TestApp.StartAsync(store: FileStoreKind.S3);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(PreviewSteps.RealPng("in the bucket.png", 640, 480));
        await app.WaitForJobsAsync();
        var stored = Assert.Single(await app.DocumentsAsync()).StoredName!;

        var keys = (await TestS3.ObjectsAsync(app.Environment.S3Bucket!)).Select(o => o.Key).ToList();
        Assert.Equal((400, 300), await owner.WebpSizeAsync($"/documents/{id}/thumbnail"));
        Assert.Equal((640, 480), await owner.WebpSizeAsync($"/documents/{id}/pages/1"));
        Assert.Equal(3, keys.Count);
        Assert.Contains(stored, keys);
        Assert.Equal(2, keys.Count(k => k.EndsWith("-t", StringComparison.Ordinal) || k.EndsWith("-p1", StringComparison.Ordinal)));

        using var deleted = await owner.Api().DeleteAsync($"/api/documents/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await TestS3.ObjectsAsync(app.Environment.S3Bucket!));
    }

    [Fact]
    public async Task Previews_SurviveARestart()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(PreviewSteps.RealPng("kept.png", 300, 200));
        await app.WaitForJobsAsync();
        using var before = await owner.GetAsync($"/documents/{id}/thumbnail");
        var bytes = await before.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        await app.RestartAsync();
        using var again = app.CreateBrowser();
        await again.SignInAsUserAsync(owner.UserName);
        using var after = await again.GetAsync($"/documents/{id}/thumbnail");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(bytes, await after.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AHeadRequest_AnswersTheHeadersWithoutTheImage()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(PreviewSteps.RealPng("head.png", 40, 40));
        await app.WaitForJobsAsync();

        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"/documents/{id}/thumbnail", UriKind.Relative));
        using var response = await owner.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("image/webp"), response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
