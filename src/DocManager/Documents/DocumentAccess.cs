using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>
/// The one place that says who may see and change a document. Pages, downloads and the API all
/// query through it, so "not visible" and "does not exist" are the same 404 everywhere.
/// </summary>
public static class DocumentAccess
{
    /// <summary>Documents the user owns or that are shared with them (tracked: add AsNoTracking to only read).</summary>
    /// <remarks>
    /// Written as `OwnerId = @me OR Id IN (ids shared with me)` rather than a correlated EXISTS, so
    /// both databases answer each side from an index (the owner index; the share index, then the
    /// primary key) instead of scanning every user's documents.
    /// </remarks>
    public static IQueryable<Document> DocumentsVisibleTo(this AppDbContext db, int userId)
    {
        var shared = db.SharedWith(userId);
        return db.Documents.Where(d => d.OwnerId == userId || shared.Contains(d.Id));
    }

    /// <summary>Ids of the documents shared with the user.</summary>
    public static IQueryable<int> SharedWith(this AppDbContext db, int userId) =>
        db.Shares.Where(s => s.UserId == userId).Select(s => s.DocumentId);

    /// <summary>
    /// A document the user wants to change: <see cref="Access.Allowed"/> for its owner, <see cref="Access.Forbidden"/>
    /// for a viewer it is shared with (they know it exists), and <see cref="Access.NotFound"/> for anyone else.
    /// </summary>
    public static async Task<(Document? Document, Access Access)> FindForChangeAsync(
        this AppDbContext db, int id, int userId, CancellationToken cancellationToken)
    {
        var document = await db.DocumentsVisibleTo(userId).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document switch
        {
            null => (null, Access.NotFound),
            _ when document.IsOwnedBy(userId) => (document, Access.Allowed),
            _ => (null, Access.Forbidden),
        };
    }
}

public enum Access
{
    Allowed,
    Forbidden,
    NotFound,
}
