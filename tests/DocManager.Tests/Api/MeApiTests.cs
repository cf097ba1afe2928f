using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Api;

/// <summary>`GET /api/me` (SPEC §4): `{ id, username, documentCount, storageUsed, storageQuota }` for the signed-in user.</summary>
public sealed class MeApiTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Me_DescribesTheSignedInUserAndTheirStorage(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:QuotaBytes"] = "5000000" });
        using var browser = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        var file = TestFile.Pdf(extraBytes: 3000);
        await browser.UploadDocumentAsync(file);
        await browser.CreateNoteIdAsync("A note");
        await other.UploadDocumentAsync(TestFile.Png());

        var me = await browser.Api().GetJsonAsync("/api/me");

        Assert.Equal(["documentCount", "id", "storageQuota", "storageUsed", "username"], me.PropertyNames());
        Assert.Equal(await app.UserIdAsync(browser), me.Id());
        Assert.Equal(browser.UserName, me.Text("username"));
        Assert.Equal(2, me.GetProperty("documentCount").GetInt32());
        Assert.Equal(file.Content.LongLength, me.GetProperty("storageUsed").GetInt64());
        Assert.Equal(5000000L, me.GetProperty("storageQuota").GetInt64());
    }

    [Fact]
    public async Task Me_OfANewUser_ShowsNothingUsedAndTheDefaultQuota()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        var me = await browser.Api().GetJsonAsync("/api/me");

        Assert.Equal((0, 0L, 1L << 30), (me.GetProperty("documentCount").GetInt32(), me.GetProperty("storageUsed").GetInt64(), me.GetProperty("storageQuota").GetInt64()));
    }
}
