using System.Net;
using System.Text.Json;

namespace DocManager.Bench.Load;

/// <summary>
/// After the upload run: did every upload wrk saw succeed really land? The user's document count and
/// storage grow by exactly one file per landed upload, each stored file is on disk, and nothing is left
/// in staging. An upload still in flight when wrk stopped may land without wrk seeing its answer, so
/// up to one per connection more than wrk counted is expected — never fewer.
/// </summary>
public static class UploadCheck
{
    public sealed record Snapshot(int Documents, long StorageUsed, int StoredFiles);

    public static async Task<Snapshot> TakeAsync(Uri baseAddress, BenchSession session, string? dataDirectory, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        Snapshot? last = null;
        // Wait for uploads still being processed to finish: two equal readings in a row.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add("Cookie", session.Cookies);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/api/me answered {(int)response.StatusCode}: is the session still valid?");
            }

            var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
            var now = new Snapshot(me.GetProperty("documentCount").GetInt32(), me.GetProperty("storageUsed").GetInt64(), StoredFiles(dataDirectory));
            if (now == last)
            {
                return now;
            }

            last = now;
            await Task.Delay(200, cancellationToken);
        }

        return last!;
    }

    /// <summary>Null when everything landed; otherwise what is wrong.</summary>
    public static string? Verify(Snapshot before, Snapshot after, WrkResult upload, int connections, int size, string? dataDirectory)
    {
        var landed = after.Documents - before.Documents;
        var problems = new List<string>();
        if (upload.StatusErrors > 0)
        {
            problems.Add($"{upload.StatusErrors} uploads were refused (4xx/5xx)");
        }

        if (landed < upload.Succeeded || landed > upload.Succeeded + connections)
        {
            problems.Add($"wrk saw {upload.Succeeded} uploads succeed but {landed} documents were added");
        }

        if (after.StorageUsed - before.StorageUsed != (long)landed * size)
        {
            problems.Add($"storage grew by {after.StorageUsed - before.StorageUsed} bytes for {landed} files of {size}");
        }

        if (dataDirectory is not null && after.StoredFiles - before.StoredFiles != landed)
        {
            problems.Add($"{after.StoredFiles - before.StoredFiles} files were stored for {landed} documents");
        }

        var staging = dataDirectory is null ? null : Path.Combine(dataDirectory, "files", ".staging");
        if (staging is not null && Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*.upload").Any())
        {
            problems.Add("files were left in staging");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static int StoredFiles(string? dataDirectory)
    {
        var files = dataDirectory is null ? null : Path.Combine(dataDirectory, "files");
        if (files is null || !Directory.Exists(files))
        {
            return 0;
        }

        // Documents' files only: preview images are stored beside them as `{stem}-t` and `{stem}-p{n}`,
        // made in the background at their own pace, so they are no measure of the uploads that landed.
        return Directory.EnumerateFiles(files, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Count(path => !path.Contains($"{Path.DirectorySeparatorChar}.staging{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                !Path.GetFileName(path).Contains('-', StringComparison.Ordinal));
    }
}
