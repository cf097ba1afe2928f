using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>
/// The one place that says who may see and change a document. Pages, downloads and the API all
/// query through it, so "not visible" and "does not exist" are the same 404 everywhere.
/// </summary>
public static class DocumentAccess
{
    /// <summary>Documents the user owns or that are shared with them.</summary>
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, int userId) =>
        documents.Where(d => d.OwnerId == userId || d.Shares.Any(s => s.UserId == userId));

    /// <summary>
    /// A document the user wants to change: <see cref="Access.Allowed"/> for its owner, <see cref="Access.Forbidden"/>
    /// for a viewer it is shared with (they know it exists), and <see cref="Access.NotFound"/> for anyone else.
    /// </summary>
    public static async Task<(Document? Document, Access Access)> FindForChangeAsync(
        this IQueryable<Document> documents, int id, int userId, CancellationToken cancellationToken)
    {
        var document = await documents.VisibleTo(userId).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
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
