using System.Security.Cryptography;
using DocManager.Accounts;
using DocManager.Data;
using DocManager.Documents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A database and file store as an earlier release left them, for upgrade tests: the schema migrated
/// up to the migration before a given one, and rows inserted with SQL as that release wrote them.
/// </summary>
public sealed class EarlierRelease(TestEnvironment environment, AppDbContext db) : IAsyncDisposable
{
    public AppDbContext Db => db;

    /// <summary>The environment's database at the migration just before the one named <paramref name="migration"/>.</summary>
    public static async Task<EarlierRelease> BeforeAsync(TestEnvironment environment, string migration)
    {
        var db = Context(environment);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        Assert.True(index > 0, $"no migration named {migration}: " + string.Join(", ", migrations));
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1], TestContext.Current.CancellationToken);
        return new EarlierRelease(environment, db);
    }

    /// <summary>A user with the tests' password and the given usage; answers their id.</summary>
    public async Task<int> InsertUserAsync(string userName, DateTime created, long storageUsed, int documentCount)
    {
        var hash = new PasswordHasher<User>().HashPassword(null!, Browser.Password);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Users" ("UserName", "NormalizedUserName", "DisplayName", "PasswordHash", "CreatedAt", "StorageUsed", "DocumentCount")
            VALUES ({userName}, {User.Normalize(userName)}, {userName}, {hash}, {created}, {storageUsed}, {documentCount})
            """, TestContext.Current.CancellationToken);
        return await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Users" WHERE "UserName" = {userName}""").SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A document with a file: the bytes in the store as `files/ab/cd/{name}`, the row naming them.</summary>
    public async Task<int> InsertFileAsync(int owner, string title, string originalName, string contentType, byte[] content, DateTime created)
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
        return await IdOfAsync(owner, title);
    }

    public async Task<int> InsertNoteAsync(int owner, string title, DateTime created)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Documents" ("OwnerId", "Title", "TitleKey", "Description", "Category", "Priority", "CreatedAt", "UpdatedAt", "Version", "Size")
            VALUES ({owner}, {title}, {DocumentRules.TitleKey(title)}, '', 'notes', 'normal', {created}, {created}, 1, 0)
            """, TestContext.Current.CancellationToken);
        return await IdOfAsync(owner, title);
    }

    /// <summary>The search entries those releases kept for each document: its fields, its file's text, its owner as reader.</summary>
    public Task IndexAllAsync() =>
        db.Database.ExecuteSqlRawAsync(environment.Backend == Backend.Sqlite ? SqliteSearchEntries : PostgresSearchEntries, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private Task<int> IdOfAsync(int owner, string title) =>
        db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Documents" WHERE "OwnerId" = {owner} AND "TitleKey" = {DocumentRules.TitleKey(title)}""")
            .SingleAsync(TestContext.Current.CancellationToken);

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
