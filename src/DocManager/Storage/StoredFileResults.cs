using Microsoft.Net.Http.Headers;

namespace DocManager.Storage;

/// <summary>
/// A stored file as a response, through the framework's file results (ETag, 304, and Range → 206/416
/// when asked): from its path when the store is a folder, else streamed from the store. The one place
/// for that choice, used by downloads and preview images alike.
/// </summary>
public static class StoredFileResults
{
    /// <summary>The file's result, or null when the store has no such file.</summary>
    public static async Task<IResult?> OpenAsync(
        this IFileStore store, string name, string contentType, DateTimeOffset? lastModified, EntityTagHeaderValue etag, bool ranges, CancellationToken cancellationToken)
    {
        if (store.LocalPath(name) is { } path && File.Exists(path))
        {
            return Results.File(path, contentType, fileDownloadName: null, lastModified, etag, enableRangeProcessing: ranges);
        }

        var stream = await store.OpenReadAsync(name, cancellationToken);
        return stream is null ? null : Results.File(stream, contentType, fileDownloadName: null, lastModified, etag, enableRangeProcessing: ranges);
    }
}
