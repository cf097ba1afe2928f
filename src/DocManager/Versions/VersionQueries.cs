using DocManager.Data;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Versions;

/// <summary>The one query for a document's versions, as the API and the details page show them.</summary>
public static class VersionQueries
{
    /// <summary>Newest first, each with who stored it (null once that account is gone) and whether it is current.</summary>
    public static async Task<IReadOnlyList<VersionDto>> ListAsync(AppDbContext db, int documentId, int currentVersion, CancellationToken cancellationToken) =>
        await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == documentId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionDto(
                v.Number, v.OriginalName, v.ContentType, v.Size, v.Sha256, v.CreatedAt,
                db.Users.Where(u => u.Id == v.CreatedById).Select(u => new DocumentOwnerDto(u.Id, u.UserName)).FirstOrDefault(),
                v.Number == currentVersion))
            .ToListAsync(cancellationToken);
}
