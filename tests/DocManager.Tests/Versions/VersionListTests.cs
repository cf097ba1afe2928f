using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Versions;

/// <summary>`GET /api/documents/{id}/versions` and `GET /files/{id}?version=N` (SPEC §9).</summary>
public sealed class VersionListTests
{
    [Theory]
    [OnEachDatabase]
    public async Task AnUpload_IsVersionOne_ListedForOwnerAndViewer_AndDownloadableByNumber(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var file = TestFile.Pdf("contract.pdf", extraBytes: 5000);
        var id = await owner.UploadDocumentAsync(file);
        await owner.ShareDocumentAsync(id, viewer);

        foreach (var reader in new[] { owner, viewer })
        {
            using var response = await reader.GetAsync($"/api/documents/{id}/versions");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var version = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(1, version.GetProperty("number").GetInt32());
            Assert.Equal("contract.pdf", version.GetProperty("originalName").GetString());
            Assert.Equal("application/pdf", version.GetProperty("contentType").GetString());
            Assert.Equal(file.Content.Length, version.GetProperty("size").GetInt64());
            Assert.Equal(file.Sha256, version.GetProperty("sha256").GetString());
            Assert.Equal(owner.UserName, version.GetProperty("createdBy").GetProperty("username").GetString());
            Assert.True(version.GetProperty("current").GetBoolean());
            Assert.EndsWith("Z", version.GetProperty("createdAt").GetString(), StringComparison.Ordinal);

            using var download = await reader.GetAsync($"/files/{id}?version=1");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal($"\"{file.Sha256}\"", download.Headers.ETag?.Tag);
        }

        using var ranged = new HttpRequestMessage(HttpMethod.Get, new Uri($"/files/{id}?version=1", UriKind.Relative));
        ranged.Headers.Range = new RangeHeaderValue(10, 19);
        using var partial = await owner.Http.SendAsync(ranged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(file.Content[10..20], await partial.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AVersionThatDoesNotExist_OrADocumentNotShared_Is404_AndANumberThatIsNotOneIs400()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("words.txt", "words\n"));
        var note = await owner.CreateNoteIdAsync("No file");

        using var missing = await owner.GetAsync($"/files/{id}?version=2");
        using var zero = await owner.GetAsync($"/files/{id}?version=0");
        using var noteFile = await owner.GetAsync($"/files/{note}?version=1");
        using var hidden = await stranger.GetAsync($"/files/{id}?version=1");
        using var hiddenList = await stranger.GetAsync($"/api/documents/{id}/versions");
        using var junk = await owner.GetAsync($"/files/{id}?version=first");
        using var huge = await owner.GetAsync($"/files/{id}?version=99999999999999");
        using var noteVersions = await owner.GetAsync($"/api/documents/{note}/versions");

        Assert.All(new[] { missing, zero, noteFile, hidden, hiddenList }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noteVersions.StatusCode);
        Assert.Equal("""{"items":[]}""", await noteVersions.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
