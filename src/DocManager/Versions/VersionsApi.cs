using DocManager.Data;
using DocManager.Documents;
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
        return api;
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

        var items = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionDto(
                v.Number, v.OriginalName, v.ContentType, v.Size, v.Sha256, v.CreatedAt,
                db.Users.Where(u => u.Id == v.CreatedById).Select(u => new DocumentOwnerDto(u.Id, u.UserName)).FirstOrDefault(),
                v.Number == document.CurrentVersion))
            .ToListAsync(cancellationToken);
        return Results.Ok(new VersionList(items));
    }
}

/// <summary>One version as SPEC §9 shows it; `createdBy` is null once its account is gone.</summary>
public sealed record VersionDto(int Number, string OriginalName, string ContentType, long Size, string Sha256, DateTime CreatedAt, DocumentOwnerDto? CreatedBy, bool Current);

public sealed record VersionList(IReadOnlyList<VersionDto> Items);
