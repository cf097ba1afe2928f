using DocManager.Data;
using DocManager.Intake;
using DocManager.Sessions;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace DocManager.Documents;

/// <summary>
/// `GET /files/{id}` (and `?version=N`, SPEC §9): the stored bytes of the current or the given version, through the framework's file results (ETag, 304, Range → 206,
/// 416). Always an attachment named after the original file, unless `?inline=1` asks to show an image
/// or PDF, which is then sandboxed so it cannot run script in DocManager's origin.
/// </summary>
public static class DownloadEndpoint
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/files/{id:int}", [HttpMethods.Get, HttpMethods.Head], DownloadAsync);
        return endpoints;
    }

    /// <param name="version">A version's number (SPEC §9); without it, the current version.</param>
    private static async Task<IResult> DownloadAsync(
        int id, string? inline, int? version, HttpContext http, AppDbContext db, IFileStore files, History.HistoryRecorder history, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var visible = db.DocumentsVisibleTo(userId).Where(d => d.Id == id && d.StoredName != null);
        var number = version ?? 0;
        var file = await db.DocumentVersions.AsNoTracking()
            .Where(v => visible.Any(d => d.Id == v.DocumentId && (version == null ? v.Number == d.CurrentVersion : v.Number == number)))
            .Select(v => new { v.StoredName, v.OriginalName, v.ContentType, v.Sha256, UpdatedAt = v.CreatedAt, v.Number, OwnerId = visible.Select(d => d.OwnerId).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        var contentType = file.ContentType ?? "application/octet-stream";
        if (inline is not (null or "0" or "1"))
        {
            throw new BadHttpRequestException("'inline' must be 1 (show in the browser) or 0 (download)");
        }

        var showInline = inline == "1" && FileKinds.CanShowInline(contentType);
        var headers = http.Response.Headers;
        headers.CacheControl = "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(showInline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.OriginalName ?? "download");
        headers.ContentDisposition = disposition.ToString();
        if (showInline)
        {
            // The document is shown as its own page: no script, no forms, no same-origin access.
            headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf";
        }

        var result = await files.OpenAsync(file.StoredName, contentType, new DateTimeOffset(file.UpdatedAt, TimeSpan.Zero),
            new EntityTagHeaderValue($"\"{file.Sha256}\""), ranges: true, cancellationToken);
        if (result is null)
        {
            return Results.NotFound();
        }

        if (file.OwnerId != userId && IsWholeDownload(http.Request))
        {
            // The owner sees who read their document; a ranged or repeated fetch of the same bytes is not a
            // new reading. Recorded once the request is known to be good and the file to be there.
            history.Record(id, userId, History.DocumentActions.Downloaded, new { version = file.Number });
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>A GET that will send the bytes from the start: not HEAD, not a revalidation, not a later range.</summary>
    private static bool IsWholeDownload(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.IfNoneMatch.Count == 0 &&
        (request.Headers.Range.Count == 0 || request.Headers.Range.ToString().StartsWith("bytes=0-", StringComparison.Ordinal));
}
