using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Notifications;

/// <summary>
/// SPEC §1 and issue 5: what tells a user something — a document shared with them (`shared`), a
/// file's text extracted and searchable (`indexed`), an upload taking their storage past 90% of
/// the quota (`storage`, once) — each for that user only, with a link to what it is about.
/// </summary>
public sealed class NotificationEventsTests
{
    [Theory]
    [OnEachDatabase]
    public async Task SharingADocument_NotifiesTheRecipientOnly(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var recipient = await app.NewUserAsync();
        using var bystander = await app.NewUserAsync();

        var id = await owner.ShareNewNoteAsync("Board minutes", recipient);

        var item = Assert.Single((await recipient.NotificationListAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(("shared", $"/documents/{id}", false), (item.Text("kind"), item.Text("link"), item.GetProperty("read").GetBoolean()));
        Assert.Contains("Board minutes", item.Text("message"), StringComparison.Ordinal);
        Assert.Contains(owner.UserName, item.Text("message"), StringComparison.Ordinal);
        Assert.Empty((await owner.NotificationListAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await bystander.NotificationListAsync()).GetProperty("items").EnumerateArray());
        using var linked = await recipient.GetAsync(item.Text("link"));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
    }

    [Theory]
    [OnEachDatabase]
    public async Task FinishedTextExtraction_NotifiesTheOwner(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var upload = await owner.Api().UploadAsync([TextDocuments.Docx("minutes.docx", "Decisions of the board")]);
        var id = (await upload.JsonAsync()).GetProperty("items")[0].Id();

        await app.WaitForJobsAsync();

        var item = Assert.Single((await owner.NotificationListAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(("indexed", $"/documents/{id}", false), (item.Text("kind"), item.Text("link"), item.GetProperty("read").GetBoolean()));
        Assert.Contains("minutes", item.Text("message"), StringComparison.Ordinal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task UploadTakingStoragePastNinetyPercent_NotifiesOnce(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:QuotaBytes"] = "10000" });
        using var owner = await app.NewUserAsync();
        var api = owner.Api();

        await owner.UploadDocumentAsync(TestFile.PngOfSize("half.png", 5000));
        var atHalf = await StorageNotificationsAsync(owner);
        using (var past = await api.UploadAsync([TestFile.PngOfSize("past-ninety.png", 4300)]))
        {
            Assert.Equal(HttpStatusCode.Created, past.StatusCode);
        }

        var atNinetyThree = await StorageNotificationsAsync(owner);
        await owner.UploadDocumentAsync(TestFile.PngOfSize("more.png", 300));
        var atNinetySix = await StorageNotificationsAsync(owner);

        Assert.Empty(atHalf);
        var warning = Assert.Single(atNinetyThree);
        Assert.Equal(("storage", "/profile"), (warning.Text("kind"), warning.Text("link")));
        Assert.Contains("93%", warning.Text("message"), StringComparison.Ordinal);
        Assert.Equal([warning.Id64()], atNinetySix.Select(n => n.Id64()));
    }

    [Fact]
    public async Task RefusedUploadOverTheQuota_DoesNotNotify()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Limits:QuotaBytes"] = "10000" });
        using var owner = await app.NewUserAsync();

        using var refused = await owner.Api().UploadAsync([TestFile.PngOfSize("too-big.png", 10001)]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await StorageNotificationsAsync(owner));
    }

    private static async Task<List<JsonElement>> StorageNotificationsAsync(Browser browser) =>
        [.. (await browser.NotificationListAsync()).GetProperty("items").EnumerateArray().Where(i => i.Text("kind") == "storage")];
}
