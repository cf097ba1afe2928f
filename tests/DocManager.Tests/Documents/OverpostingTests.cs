using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>
/// SPEC §4 and §5 (mass assignment): fields a form does not have — owner, id, size, hash, stored
/// name — are ignored wherever they are posted; the server alone decides them.
/// </summary>
public sealed class OverpostingTests
{
    private const string FakeSha = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string FakeStoredName = "ffffffffffffffffffffffffffffffff";

    [Theory]
    [OnEachDatabase]
    public async Task NewNote_IgnoresOwnerIdSizeShaAndStoredName(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var victim = await app.NewUserAsync();
        using var attacker = await app.NewUserAsync();
        var victimId = await app.UserIdAsync(victim);

        using var response = await attacker.CreateNoteAsync("Planted note", Extra(victimId));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(await app.UserIdAsync(attacker), document.OwnerId);
        Assert.NotEqual(4242, document.Id);
        Assert.Equal((0L, null, null), (document.Size, document.Sha256, document.StoredName));
        Assert.Equal((0L, 0), await app.UsageAsync(victim.UserName));
        Assert.Empty(await victim.ListIdsAsync("/documents"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Edit_IgnoresOwnerIdSizeShaAndStoredName(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var victim = await app.NewUserAsync();
        using var owner = await app.NewUserAsync();
        var file = TestFile.Pdf("kept.pdf");
        var id = await owner.UploadDocumentAsync(file);
        var before = Assert.Single(await app.DocumentsAsync());

        using var response = await owner.SubmitAsync($"/documents/{id}/edit", $"/documents/{id}/edit",
            [new("title", "Renamed"), .. Extra(await app.UserIdAsync(victim))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = Assert.Single(await app.DocumentsAsync());
        Assert.Equal("Renamed", after.Title);
        Assert.Equal((before.Id, before.OwnerId, before.Size, before.Sha256, before.StoredName), (after.Id, after.OwnerId, after.Size, after.Sha256, after.StoredName));
        Assert.Equal((file.Content.LongLength, 1), await app.UsageAsync(owner.UserName));
        Assert.Equal((0L, 0), await app.UsageAsync(victim.UserName));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Upload_IgnoresOwnerIdSizeShaAndStoredName(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var victim = await app.NewUserAsync();
        using var attacker = await app.NewUserAsync();
        var file = TestFile.Png("upload.png");

        var id = await attacker.UploadDocumentAsync(file, Extra(await app.UserIdAsync(victim)));

        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(id, document.Id);
        Assert.Equal(await app.UserIdAsync(attacker), document.OwnerId);
        Assert.Equal((file.Content.LongLength, file.Sha256), (document.Size, document.Sha256));
        Assert.NotEqual(FakeStoredName, document.StoredName);
        Assert.Equal((file.Content.LongLength, 1), await app.UsageAsync(attacker.UserName));
        Assert.Equal((0L, 0), await app.UsageAsync(victim.UserName));
    }

    private static KeyValuePair<string, string>[] Extra(int otherUserId) =>
    [
        new("ownerId", otherUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("id", "4242"),
        new("size", "999999"),
        new("sha256", FakeSha),
        new("storedName", FakeStoredName),
    ];
}
