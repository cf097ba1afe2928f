using DocManager.Data;
using DocManager.Documents;
using DocManager.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace DocManager.Previews;

/// <summary>
/// `GET /documents/{id}/thumbnail` and `GET /documents/{id}/pages/{n}` (SPEC §8): stored WebP images,
/// read from the store and never recomputed. Visible exactly when the document's details are (404
/// otherwise, never 403), and 404 too for an image not made (yet) or a page that does not exist. An
/// address carrying the images' current `v` may be cached for a year; any other is revalidated.
/// </summary>
internal static class PreviewEndpoints
{
    private const string ImmutableCaching = "private, max-age=31536000, immutable";
    private const string Revalidate = "private, max-age=0, must-revalidate";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        const string thumbnail = "/documents/{id:int}/thumbnail";
        const string page = "/documents/{id:int}/pages/{page:int}";
        endpoints.MapMethods(thumbnail, [HttpMethods.Get, HttpMethods.Head],
            (int id, string? v, HttpContext http, AppDbContext db, PreviewFiles files, CancellationToken cancellationToken) =>
                ServeAsync(id, 0, v, http, db, files, cancellationToken));
        endpoints.MapMethods(page, [HttpMethods.Get, HttpMethods.Head],
            (int id, int page, string? v, HttpContext http, AppDbContext db, PreviewFiles files, CancellationToken cancellationToken) =>
                page < 1 ? Task.FromResult(Results.NotFound()) : ServeAsync(id, page, v, http, db, files, cancellationToken));
        MethodNotAllowed(endpoints, thumbnail);
        MethodNotAllowed(endpoints, page);
        return endpoints;
    }

    /// <summary>
    /// 405 for any other method. Routing would say so itself, but the details page's route
    /// (`/documents/{id}/{handler?}`) also takes every method at this depth, and when its constraint
    /// then rejects the path, routing is left with no endpoint and answers 404. A later-ordered
    /// endpoint for all methods says 405 instead; GET and HEAD still reach the endpoint above.
    /// </summary>
    private static void MethodNotAllowed(IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.Map(pattern, (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, HEAD";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).WithOrder(1);

    /// <summary>Page 0 is the thumbnail.</summary>
    private static async Task<IResult> ServeAsync(int id, int page, string? v, HttpContext http, AppDbContext db, PreviewFiles files, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var preview = await db.DocumentsVisibleTo(userId).AsNoTracking()
            .Where(d => d.Id == id && d.PreviewStatus == PreviewState.Ready && d.PreviewKey != null)
            .Select(d => new { PreviewKey = d.PreviewKey!, d.PreviewPages })
            .FirstOrDefaultAsync(cancellationToken);
        if (preview is null || page > preview.PreviewPages)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.CacheControl = v == PreviewUrls.VersionOf(preview.PreviewKey) ? ImmutableCaching : Revalidate;
        headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue(PreviewUrls.ETagOf(preview.PreviewKey, page));
        if (files.LocalPath(preview.PreviewKey, page) is { } path && File.Exists(path))
        {
            return Results.File(path, WebpContentType, fileDownloadName: null, lastModified: null, etag);
        }

        var stream = await files.OpenReadAsync(preview.PreviewKey, page, cancellationToken);
        return stream is null ? Results.NotFound() : Results.File(stream, WebpContentType, fileDownloadName: null, lastModified: null, etag);
    }

    private const string WebpContentType = "image/webp";
}
