using System.Net;
using System.Security.Cryptography;
using DocManager.Accounts;
using DocManager.Data;
using DocManager.Documents;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Ocr;
using DocManager.Tests.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DocManager.Tests.Previews;

/// <summary>
/// Upgrading to the release with previews (the `Previews` migration): documents stored by the release
/// before it get their previews, and their words read again where they had none, in the background
/// once the upgraded app runs — nothing already stored is left pending or without a preview.
/// </summary>
public sealed class PreviewUpgradeTests
{
    [Theory]
    [OnEachDatabase]
    public async Task DocumentsStoredBeforePreviews_GetThemOnceTheUpgradedAppRuns(Backend backend)
    {
        var picture = PreviewSteps.RealPng("holiday.png", 300, 200).Content;
        var scan = Scans.ImageOnlyPdf("Harbour");
        var environment = await TestEnvironment.CreateAsync(backend);
        OldDocuments stored;
        try
        {
            stored = await StoreAsThePreviousReleaseDidAsync(environment, picture, scan);
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }

        await using var app = await TestApp.StartOnAsync(environment);
        await app.WaitForJobsAsync();
        using var owner = app.CreateBrowser();
        await owner.SignInAsUserAsync(stored.UserName);

        Assert.Equal(("ready", 1), await owner.PreviewAsync(stored.Picture));
        Assert.Equal((300, 200), await owner.WebpSizeAsync($"/documents/{stored.Picture}/thumbnail"));
        Assert.Equal(picture, await owner.DownloadAsync(stored.Picture));
        Assert.Equal(("none", 0), await owner.PreviewAsync(stored.Note));
        using (var noteThumbnail = await owner.GetAsync($"/documents/{stored.Note}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.NotFound, noteThumbnail.StatusCode);
        }

        // The scan's empty text was read again, now with OCR, and its word is found.
        Assert.Equal(("ready", "ocr"), await owner.TextStatusAsync(stored.Scan));
        await owner.AssertFindsAsync("harbour", stored.Scan);
        Assert.Equal(("ready", 1), await owner.PreviewAsync(stored.Scan));
        Assert.Equal(scan, await owner.DownloadAsync(stored.Scan));
        Assert.Empty(await app.JobsAsync());
    }

    private sealed record OldDocuments(string UserName, int Picture, int Scan, int Note);

    /// <summary>
    /// The database at the migration before `Previews`, with what that release stored for an upload: a
    /// user, a picture (no text row: its text was not read), a PDF scan whose text layer gave an empty
    /// text row, and a note; their files in the store as `files/ab/cd/{name}`, their search entries.
    /// </summary>
    private static async Task<OldDocuments> StoreAsThePreviousReleaseDidAsync(TestEnvironment environment, byte[] picture, byte[] scan)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = Context(environment);
        var migrations = db.Database.GetMigrations().ToList();
        var previews = migrations.FindIndex(m => m.EndsWith("_Previews", StringComparison.Ordinal));
        Assert.True(previews > 0, "no migration named Previews: " + string.Join(", ", migrations));
        await db.GetService<IMigrator>().MigrateAsync(migrations[previews - 1], cancellationToken);

        var userName = Browser.NewUserName();
        var created = DateTime.UtcNow.AddDays(-30);
        var hash = new PasswordHasher<User>().HashPassword(null!, Browser.Password);
        var used = (long)picture.Length + scan.Length;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Users" ("UserName", "NormalizedUserName", "DisplayName", "PasswordHash", "CreatedAt", "StorageUsed", "DocumentCount")
            VALUES ({userName}, {User.Normalize(userName)}, {userName}, {hash}, {created}, {used}, 3)
            """, cancellationToken);
        var owner = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Users" WHERE "UserName" = {userName}""").SingleAsync(cancellationToken);

        var pictureId = await InsertFileAsync(db, environment, owner, "Holiday", "holiday.png", "image/png", picture, created);
        var scanId = await InsertFileAsync(db, environment, owner, "Signed contract", "contract.pdf", "application/pdf", scan, created);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DocumentTexts" ("DocumentId", "Text", "Truncated", "ExtractedAt") VALUES ({scanId}, '', {false}, {created})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Documents" ("OwnerId", "Title", "TitleKey", "Description", "Category", "Priority", "CreatedAt", "UpdatedAt", "Version", "Size")
            VALUES ({owner}, 'Just words', {DocumentRules.TitleKey("Just words")}, '', 'notes', 'normal', {created}, {created}, 1, 0)
            """, cancellationToken);
        var noteId = await IdOfAsync(db, owner, "Just words");
        await db.Database.ExecuteSqlRawAsync(environment.Backend == Backend.Sqlite ? SqliteSearchEntries : PostgresSearchEntries, cancellationToken);
        return new OldDocuments(userName, pictureId, scanId, noteId);
    }

    private static async Task<int> InsertFileAsync(
        AppDbContext db, TestEnvironment environment, int owner, string title, string originalName, string contentType, byte[] content, DateTime created)
    {
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(environment.DataDirectory, "files", storedName[..2], storedName[2..4], storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Documents" ("OwnerId", "Title", "TitleKey", "Description", "Category", "Priority", "CreatedAt", "UpdatedAt", "Version",
                                     "StoredName", "OriginalName", "ContentType", "Size", "Sha256")
            VALUES ({owner}, {title}, {DocumentRules.TitleKey(title)}, '', 'other', 'normal', {created}, {created}, 1,
                    {storedName}, {originalName}, {contentType}, {(long)content.Length}, {sha256})
            """, TestContext.Current.CancellationToken);
        return await IdOfAsync(db, owner, title);
    }

    private static Task<int> IdOfAsync(AppDbContext db, int owner, string title) =>
        db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Documents" WHERE "OwnerId" = {owner} AND "TitleKey" = {DocumentRules.TitleKey(title)}""")
            .SingleAsync(TestContext.Current.CancellationToken);

    // The search entries that release kept for each document: its fields, its file's text, its owner as reader.
    private const string SqliteSearchEntries = """
        INSERT INTO "DocumentSearch" (rowid, title, description, tags, filename, body, readers)
        SELECT d."Id", d."Title", d."Description", '', coalesce(d."OriginalName", ''), coalesce(x."Text", ''), 'u' || d."OwnerId"
        FROM "Documents" d LEFT JOIN "DocumentTexts" x ON x."DocumentId" = d."Id"
        """;

    private const string PostgresSearchEntries = """
        INSERT INTO "DocumentSearch" ("DocumentId", "Title", "Description", "Tags", "FileName", "Body", "Readers")
        SELECT d."Id", d."Title", d."Description", '', coalesce(d."OriginalName", ''), coalesce(x."Text", ''), '#' || d."OwnerId"
        FROM "Documents" d LEFT JOIN "DocumentTexts" x ON x."DocumentId" = d."Id"
        """;

    /// <summary>A context on the environment's database, of the provider the app will use there.</summary>
    private static AppDbContext Context(TestEnvironment environment) => environment.Backend == Backend.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(environment.DataDirectory, "docmanager.db")}").Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(environment.PostgresConnectionString).Options);
}
