using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;
using DocManager.Tests.Search;

namespace DocManager.Tests.Versions;

/// <summary>`POST /api/documents/{id}/versions` (SPEC §9): a new current version, every earlier one kept.</summary>
public sealed class ReplaceFileTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Replacing_MakesANewCurrentVersion_KeepsTheOld_AndCountsBothInTheQuota(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var first = TestFile.Text("plan.txt", "The first plan mentions aardvarks.\n");
        var second = TestFile.Text("plan-v2.txt", "The second plan mentions zebras instead.\n");
        var id = await owner.UploadDocumentAsync(first, new KeyValuePair<string, string>("title", "The plan"));
        await app.WaitForJobsAsync();

        using var response = await owner.Api().ReplaceFileAsync(id, second);
        await app.WaitForJobsAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, created.RootElement.GetProperty("number").GetInt32());
        Assert.True(created.RootElement.GetProperty("current").GetBoolean());
        Assert.Equal(second.Content, await owner.DownloadAsync(id));
        using (var old = await owner.GetAsync($"/files/{id}?version=1"))
        {
            Assert.Equal(first.Content, await old.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        using var list = JsonDocument.Parse(await (await owner.GetAsync($"/api/documents/{id}/versions")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([(2, true), (1, false)], list.RootElement.GetProperty("items").EnumerateArray()
            .Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("current").GetBoolean())));
        Assert.Equal(((long)first.Content.Length + second.Content.Length, 1), await app.UsageAsync(owner.UserName));
        // Search, previews and the document's `file` follow the current version.
        await owner.AssertFindsAsync("zebras", id);
        await owner.AssertFindsAsync("aardvarks");
        Assert.Equal(("ready", 0), await owner.PreviewAsync(id));
        Assert.Equal(2, app.DocumentFiles().Length);

        using var deleted = await owner.Api().DeleteAsync($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(app.StoredFiles());
        Assert.Equal((0L, 0), await app.UsageAsync(owner.UserName));
    }

    [Fact]
    public async Task AViewer_Gets403_AStranger404_AndNothingIsStored()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("mine.txt", "mine\n"));
        await owner.ShareDocumentAsync(id, viewer);
        await app.WaitForJobsAsync();
        var before = app.DocumentFiles();

        using var byViewer = await viewer.Api().ReplaceFileAsync(id, TestFile.Text("theirs.txt", "theirs\n"));
        using var byStranger = await stranger.Api().ReplaceFileAsync(id, TestFile.Text("theirs.txt", "theirs\n"));

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(before, app.DocumentFiles());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.FilesRoot(), ".staging")));
    }

    [Fact]
    public async Task AFileThatIsNotWhatItsNameSays_OrBeyondTheQuota_IsRefused_AndLeavesNothing()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Limits:QuotaBytes"] = "3000" });
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("small.txt", "small\n"));
        await app.WaitForJobsAsync();

        using var disguised = await owner.Api().ReplaceFileAsync(id, TestFile.Png("photo.pdf") with { Name = "photo.pdf" });
        using var tooBig = await owner.Api().ReplaceFileAsync(id, TestFile.Text("big.txt", new string('x', 4000)));

        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("does not appear to be PDF", await disguised.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(tooBig.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.RequestEntityTooLarge, $"answered {(int)tooBig.StatusCode}");
        Assert.Single(app.DocumentFiles());
        Assert.Equal(("small\n".Length, 1), ((int)(await app.UsageAsync(owner.UserName)).StorageUsed, (await app.UsageAsync(owner.UserName)).DocumentCount));
    }

    [Theory]
    [OnEachDatabase]
    public async Task TwoReplacementsAtOnce_BothBecomeVersions_NoneIsLost(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("base.txt", "base\n"));
        var api = owner.Api();

        var answers = await Task.WhenAll(
            api.ReplaceFileAsync(id, TestFile.Text("left.txt", "left\n")),
            api.ReplaceFileAsync(id, TestFile.Text("right.txt", "right\n")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        using var list = JsonDocument.Parse(await (await owner.GetAsync($"/api/documents/{id}/versions")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var versions = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(["base.txt", "left.txt", "right.txt"], versions.Select(v => v.GetProperty("originalName").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(3, app.DocumentFiles().Length);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
