using DocManager.Data;
using Document = DocManager.Documents.Document;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Infrastructure;

/// <summary>What is really stored: rows, files on disk and usage counters, for "nothing left behind" checks.</summary>
public static class StoreInspection
{
    public static string FilesRoot(this TestApp app) => Path.Combine(app.Environment.DataDirectory, "files");

    /// <summary>Every file under the file store, staging included.</summary>
    public static string[] StoredFiles(this TestApp app) =>
        Directory.Exists(app.FilesRoot())
            ? [.. Directory.EnumerateFiles(app.FilesRoot(), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith(".ready-", StringComparison.Ordinal))]
            : [];

    /// <summary>The stored files of documents, without the preview images stored beside them (`{stem}-t`, `{stem}-p{n}`).</summary>
    public static string[] DocumentFiles(this TestApp app) =>
        [.. app.StoredFiles().Where(f => !Path.GetFileName(f).Contains('-', StringComparison.Ordinal))];

    public static Task<List<Document>> DocumentsAsync(this TestApp app) =>
        app.Instance.WithScopeAsync<AppDbContext, List<Document>>(db => db.Documents.AsNoTracking().Include(d => d.Tags).OrderBy(d => d.Id).ToListAsync());

    public static Task<(long StorageUsed, int DocumentCount)> UsageAsync(this TestApp app, string userName) =>
        app.Instance.WithScopeAsync<AppDbContext, (long, int)>(async db =>
        {
            var normalized = DocManager.Accounts.User.Normalize(userName);
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedUserName == normalized);
            return (user.StorageUsed, user.DocumentCount);
        });

    /// <summary>Asserts the upload left no row, no file (staged or stored) and no usage behind.</summary>
    public static async Task AssertNothingStoredAsync(this TestApp app, string userName)
    {
        Assert.Empty(await app.DocumentsAsync());
        Assert.Empty(app.StoredFiles());
        Assert.Equal((0L, 0), await app.UsageAsync(userName));
    }
}
