using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4: `PATCH /api/documents/{id}` changes only the fields it names, of `title`,
/// `description`, `category`, `tags` and `priority`; anything else a client sends (`ownerId`,
/// `id`, `size`, `sha256`, `createdAt`, …) is ignored, never applied — nor by `POST`.
/// </summary>
public sealed class DocumentPatchTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Patch_ChangesOnlyTheNamedFields(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = (await api.CreateNoteAsync(new { title = "Original title", description = "Original text", category = "invoice", tags = new List<string> { "alpha", "beta" }, priority = "high" })).Id();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        using var renamed = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "New title" });
        var afterRename = await renamed.JsonAsync();
        using var retagged = await api.PatchJsonAsync($"/api/documents/{id}", new { tags = new List<string> { "gamma" }, priority = "low" });
        var afterRetag = await retagged.JsonAsync();
        using var untagged = await api.PatchJsonAsync($"/api/documents/{id}", new { tags = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(("New title", "Original text", "invoice", "high"), Fields(afterRename));
        Assert.Equal(["alpha", "beta"], Tags(afterRename));
        Assert.Equal(HttpStatusCode.OK, retagged.StatusCode);
        Assert.Equal(("New title", "Original text", "invoice", "low"), Fields(afterRetag));
        Assert.Equal(["gamma"], Tags(afterRetag));
        Assert.Equal(HttpStatusCode.OK, untagged.StatusCode);
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("New title", "Original text", "invoice", "low"), (stored.Title, stored.Description, stored.Category, stored.Priority));
        Assert.Empty(stored.Tags);
        Assert.True(stored.UpdatedAt > stored.CreatedAt, "UpdatedAt did not move");
        Assert.Equal(stored.UpdatedAt, DateTime.Parse(afterRetag.Text("updatedAt"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Patch_IgnoresFieldsThatCannotBeChanged(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        var otherId = await app.UserIdAsync(other);
        var id = await owner.UploadDocumentAsync(TestFile.Pdf("scan.pdf"), new Field("title", "Scanned letter"));
        var before = Assert.Single(await app.DocumentsAsync());
        var usage = await app.UsageAsync(owner.UserName);

        using var response = await owner.Api().PatchJsonAsync($"/api/documents/{id}", new
        {
            title = "Renamed letter",
            ownerId = otherId,
            owner = new { id = otherId, username = other.UserName },
            id = id + 100,
            size = 1,
            sha256 = new string('0', 64),
            storedName = "../../etc/passwd",
            originalName = "evil.exe",
            contentType = "text/html",
            createdAt = "2000-01-01T00:00:00Z",
            updatedAt = "2000-01-01T00:00:00Z",
            version = 99,
            isOwner = false,
            file = (object?)null,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal((id, "Renamed letter", owner.UserName), (body.Id(), body.Text("title"), body.GetProperty("owner").Text("username")));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("file").ValueKind);
        var after = Assert.Single(await app.DocumentsAsync());
        Assert.Equal("Renamed letter", after.Title);
        Assert.Equal((before.Id, before.OwnerId, before.Size, before.Sha256, before.StoredName, before.OriginalName, before.ContentType, before.CreatedAt),
            (after.Id, after.OwnerId, after.Size, after.Sha256, after.StoredName, after.OriginalName, after.ContentType, after.CreatedAt));
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(usage, await app.UsageAsync(owner.UserName));
        Assert.Empty((await other.Api().GetJsonAsync("/api/documents")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Create_IgnoresFieldsThatCannotBeSet(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var other = await app.NewUserAsync();

        var created = await owner.Api().CreateNoteAsync(new
        {
            title = "Plain note",
            ownerId = await app.UserIdAsync(other),
            id = 4242,
            size = 123456,
            sha256 = new string('a', 64),
            createdAt = "2000-01-01T00:00:00Z",
            file = new { originalName = "x.pdf", contentType = "application/pdf", size = 5, sha256 = "00" },
        });

        Assert.Equal(owner.UserName, created.GetProperty("owner").Text("username"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("file").ValueKind);
        app.AssertIsNow(created.Text("createdAt"));
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.NotEqual(4242, created.Id());
        Assert.Equal((created.Id(), await app.UserIdAsync(owner), 0L), (stored.Id, stored.OwnerId, stored.Size));
        Assert.Null(stored.Sha256);
        Assert.Null(stored.StoredName);
        Assert.Equal((0L, 0), await app.UsageAsync(other.UserName));
    }

    private static (string, string, string, string) Fields(JsonElement document) =>
        (document.Text("title"), document.Text("description"), document.Text("category"), document.Text("priority"));

    private static string[] Tags(JsonElement document) =>
        [.. document.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal)];
}
