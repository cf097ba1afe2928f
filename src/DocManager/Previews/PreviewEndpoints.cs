using DocManager.Data;
using DocManager.Documents;
using DocManager.Hosting;
using DocManager.Sessions;
using DocManager.Storage;
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
            (int id, string? v, HttpContext http, AppDbContext db, IFileStore store, CancellationToken cancellationToken) =>
                ServeAsync(id, 0, v, http, db, store, cancellationToken));
        endpoints.MapMethods(page, [HttpMethods.Get, HttpMethods.Head],
            (int id, int page, string? v, HttpContext http, AppDbContext db, IFileStore store, CancellationToken cancellationToken) =>
                page < 1 ? Task.FromResult(Results.NotFound()) : ServeAsync(id, page, v, http, db, store, cancellationToken));
        endpoints.MapMethodNotAllowed(thumbnail, HttpMethods.Get, HttpMethods.Head);
        endpoints.MapMethodNotAllowed(page, HttpMethods.Get, HttpMethods.Head);
        return endpoints;
    }

    /// <summary>Page 0 is the thumbnail.</summary>
    private static async Task<IResult> ServeAsync(int id, int page, string? v, HttpContext http, AppDbContext db, IFileStore store, CancellationToken cancellationToken)
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
        return await store.OpenAsync(StoredName.Preview(preview.PreviewKey, page), WebpContentType, lastModified: null, etag, ranges: false, cancellationToken)
            ?? Results.NotFound();
    }

    private const string WebpContentType = "image/webp";
}
