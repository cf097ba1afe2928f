using System.Linq.Expressions;

namespace DocManager.Documents;

/// <summary>
/// What the list, search results and details show of a document. Selected in the same query as
/// the documents (tags and owner included), so a page of 100 costs one round trip, not 101.
/// </summary>
public sealed record DocumentSummary(
    int Id,
    string Title,
    string Description,
    string Category,
    string Priority,
    IReadOnlyList<string> Tags,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool HasFile,
    string? OriginalName,
    string? ContentType,
    long Size,
    string? Sha256,
    int OwnerId,
    string OwnerName,
    int Version,
    string TitleKey,
    string PreviewStatus,
    int PreviewPages,
    string? PreviewKey,
    string? PreviewError,
    string TextStatus,
    string? TextSource,
    string? TextError)
{
    public string ETag => $"\"{Id}-{Version}\"";

    public bool IsOwnedBy(int userId) => OwnerId == userId;

    public static Expression<Func<Document, DocumentSummary>> Projection { get; } = d => new DocumentSummary(
        d.Id,
        d.Title,
        d.Description,
        d.Category,
        d.Priority,
        d.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
        d.CreatedAt,
        d.UpdatedAt,
        d.StoredName != null,
        d.OriginalName,
        d.ContentType,
        d.Size,
        d.Sha256,
        d.OwnerId,
        d.Owner.UserName,
        d.Version,
        d.TitleKey,
        d.PreviewStatus,
        d.PreviewPages,
        d.PreviewKey,
        d.PreviewError,
        d.TextStatus,
        d.TextSource,
        d.TextError);

    /// <summary>The thumbnail's versioned address, when there is one to show.</summary>
    public string? ThumbnailUrl => PreviewStatus == Previews.PreviewState.Ready && PreviewKey is { } key ? Previews.PreviewUrls.Thumbnail(Id, key) : null;

    /// <summary>Page n's versioned address (1-based), when the page has an image.</summary>
    public string? PageUrl(int page) =>
        PreviewStatus == Previews.PreviewState.Ready && PreviewKey is { } key && page >= 1 && page <= PreviewPages ? Previews.PreviewUrls.Page(Id, page, key) : null;
}
