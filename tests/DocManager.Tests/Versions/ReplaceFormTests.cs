using System.Net;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;

namespace DocManager.Tests.Versions;

/// <summary>`/documents/{id}/file` (SPEC §9): the owner's form for a new version, without JavaScript.</summary>
public sealed class ReplaceFormTests
{
    [Theory]
    [OnEachDatabase]
    public async Task TheOwnersForm_UploadsANewVersion_AndTheDocumentSaysSo(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("letter.txt", "first letter\n"));
        var second = TestFile.Text("letter-signed.txt", "signed letter\n");

        using var response = await PostNewVersionAsync(owner, id, second, await owner.FormTokenAsync($"/documents/{id}/file", $"/documents/{id}/file"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/documents/{id}", response.Headers.Location?.OriginalString);
        var page = await owner.GetPageAsync($"/documents/{id}");
        Assert.Contains("Version 2 uploaded", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(second.Content, await owner.DownloadAsync(id));
        Assert.NotNull(page.QuerySelector($"a[href='/documents/{id}/file']"));
    }

    [Fact]
    public async Task AViewerGets403_AStranger404_BeforeAnyByteIsStored()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("mine.txt", "mine\n"));
        await owner.ShareDocumentAsync(id, viewer);

        using var viewerForm = await viewer.GetAsync($"/documents/{id}/file");
        using var strangerForm = await stranger.GetAsync($"/documents/{id}/file");
        using var viewerPost = await PostNewVersionAsync(viewer, id, TestFile.Text("theirs.txt", "theirs\n"), (await viewer.GetPageAsync("/settings")).CsrfToken());

        Assert.Equal(HttpStatusCode.Forbidden, viewerForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPost.StatusCode);
        Assert.Single(app.DocumentFiles());
        Assert.Null((await viewer.GetPageAsync($"/documents/{id}")).QuerySelector($"a[href='/documents/{id}/file']"));
    }

    [Fact]
    public async Task AFileThatIsNotWhatItsNameSays_IsShownBesideTheField_With400()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("real.txt", "real\n"));

        using var response = await PostNewVersionAsync(owner, id, TestFile.Png("fake.pdf") with { Name = "fake.pdf" },
            await owner.FormTokenAsync($"/documents/{id}/file", $"/documents/{id}/file"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("File does not appear to be PDF", (await response.ReadHtmlAsync()).FieldError("file"));
        Assert.Single(app.DocumentFiles());
    }

    private static Task<HttpResponseMessage> PostNewVersionAsync(Browser browser, int id, TestFile file, string token)
    {
        var content = new MultipartFormDataContent
        {
            // The file first and the token last, as a script may send them: the intake takes any order.
            { file.ToContent(), "file", file.Name },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return browser.Http.PostAsync(new Uri($"/documents/{id}/file", UriKind.Relative), content);
    }
}
