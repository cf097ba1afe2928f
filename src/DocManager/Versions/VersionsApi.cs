using DocManager.Data;
using DocManager.Documents;
using DocManager.Hosting;
using DocManager.Intake;
using DocManager.Sessions;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Versions;

/// <summary>The versions of a document's file in the JSON API (SPEC §9).</summary>
public static class VersionsApi
{
    public static RouteGroupBuilder MapVersionsApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/documents/{id:int}/versions", [HttpMethods.Get, HttpMethods.Head], ListAsync)
            .WithTags("Versions").WithSummary("Every version of a document's file, newest first (owner and viewers)");
        api.MapPost("/documents/{id:int}/versions", UploadAsync)
            .WithTags("Versions").WithSummary("Replace the document's file: multipart field `file` becomes the new current version (owner only)")
            .DisableAntiforgery(); // the token is checked from the X-CSRF-TOKEN header before the body is read
        return api;
    }

    /// <summary>
    /// `POST /api/documents/{id}/versions`: who may is decided before a byte of the body is read (404 for
    /// a stranger, 403 for a viewer); then the upload's own intake and checks (SPEC §2).
    /// </summary>
    private static async Task<IResult> UploadAsync(int id, HttpContext http, AppDbContext db, IntakeService intake, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var (document, access) = await db.FindForChangeAsync(id, userId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.NotFound ? Results.NotFound() : ApiProblems.From(Refusal.Of(StatusCodes.Status403Forbidden, "file", "Only the owner can replace the file"));
        }

        await using var upload = new UploadForm();
        var replaced = await intake.ReplaceAsync(http, upload, document!, userId, cancellationToken);
        if (!replaced.Succeeded)
        {
            return ApiProblems.From(replaced.Refusal);
        }

        var version = replaced.Value;
        var by = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new DocumentOwnerDto(u.Id, u.UserName)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/documents/{id}/versions",
            new VersionDto(version.Number, version.OriginalName, version.ContentType, version.Size, version.Sha256, version.CreatedAt, by, Current: true));
    }

    /// <summary>`GET /api/documents/{id}/versions`: 404 for a document the user cannot see, as for the document itself.</summary>
    private static async Task<IResult> ListAsync(int id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.DocumentsVisibleTo(http.User.GetUserId()).AsNoTracking()
            .Where(d => d.Id == id).Select(d => new { d.CurrentVersion }).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return Results.NotFound();
        }

        var items = await VersionQueries.ListAsync(db, id, document.CurrentVersion, cancellationToken);
        return Results.Ok(new VersionList(items));
    }
}

/// <summary>One version as SPEC §9 shows it; `createdBy` is null once its account is gone.</summary>
public sealed record VersionDto(int Number, string OriginalName, string ContentType, long Size, string Sha256, DateTime CreatedAt, DocumentOwnerDto? CreatedBy, bool Current);

public sealed record VersionList(IReadOnlyList<VersionDto> Items);
