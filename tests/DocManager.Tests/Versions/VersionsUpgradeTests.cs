using DocManager.Data;
using DocManager.Integrity;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Versions;

/// <summary>
/// Upgrading to the release with versions (the `Versions` migration, SPEC §9): every document's file
/// becomes its version 1 — the same stored file, hash, size and name — and downloads byte for byte.
/// </summary>
public sealed class VersionsUpgradeTests
{
    [Theory]
    [OnEachDatabase]
    public async Task EveryStoredFile_BecomesVersionOne_AndDownloadsByteIdentical(Backend backend)
    {
        var files = new[] { TestFile.Pdf("minutes.pdf", extraBytes: 40_000), TestFile.Text("todo.txt", "buy milk\n"), TestFile.Png("photo.png") };
        var environment = await TestEnvironment.CreateAsync(backend);
        string userName;
        List<int> ids = [];
        int note;
        try
        {
            await using var release = await EarlierRelease.BeforeAsync(environment, "Versions");
            userName = Browser.NewUserName();
            var created = DateTime.UtcNow.AddDays(-10);
            var owner = await release.InsertUserAsync(userName, created, files.Sum(f => (long)f.Content.Length), files.Length + 1);
            foreach (var file in files)
            {
                ids.Add(await release.InsertFileAsync(owner, "Kept " + file.Name, file.Name, file.ClaimedType, file.Content, created));
            }

            note = await release.InsertNoteAsync(owner, "A note", created);
            await release.IndexAllAsync();
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }

        await using var app = await TestApp.StartOnAsync(environment);
        using var browser = app.CreateBrowser();
        await browser.SignInAsUserAsync(userName);

        var documents = await app.DocumentsAsync();
        var versions = await app.Instance.WithScopeAsync<AppDbContext, List<DocManager.Versions.DocumentVersion>>(
            db => db.DocumentVersions.AsNoTracking().OrderBy(v => v.DocumentId).ToListAsync());
        Assert.Equal(ids, versions.Select(v => v.DocumentId));
        foreach (var (id, file) in ids.Zip(files))
        {
            var document = documents.Single(d => d.Id == id);
            var version = versions.Single(v => v.DocumentId == id);
            Assert.Equal(1, document.CurrentVersion);
            Assert.Equal((1, document.StoredName, file.Name, document.ContentType, (long)file.Content.Length, file.Sha256, document.CreatedAt, document.OwnerId),
                (version.Number, (string?)version.StoredName, version.OriginalName, (string?)version.ContentType, version.Size, version.Sha256, version.CreatedAt, version.CreatedById));
            Assert.Equal(file.Content, await browser.DownloadAsync(id));
        }

        Assert.Equal(0, documents.Single(d => d.Id == note).CurrentVersion);
        var check = await app.Instance.Service<IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(files.Length, check.Checked);
        Assert.True(check.Healthy);
    }
}
