namespace DocManager.Documents;

/// <summary>
/// A document as the JSON API shows it (SPEC §4). It hides the stored file's generated name and the
/// folded title key: those are the server's business.
/// </summary>
public sealed record DocumentDto(
    int Id,
    string Title,
    string Description,
    string Category,
    IReadOnlyList<string> Tags,
    string Priority,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DocumentFileDto? File,
    DocumentOwnerDto Owner,
    bool IsOwner,
    DocumentPreviewDto Preview,
    DocumentTextDto Text)
{
    public static DocumentDto From(DocumentSummary d, int userId) => new(
        d.Id,
        d.Title,
        d.Description,
        d.Category,
        d.Tags,
        d.Priority,
        d.CreatedAt,
        d.UpdatedAt,
        d.HasFile ? new DocumentFileDto(d.OriginalName!, d.ContentType!, d.Size, d.Sha256!) : null,
        new DocumentOwnerDto(d.OwnerId, d.OwnerName),
        d.IsOwnedBy(userId),
        new DocumentPreviewDto(d.PreviewStatus, d.PreviewStatus == Previews.PreviewState.Ready ? d.PreviewPages : 0),
        new DocumentTextDto(d.TextStatus, d.TextStatus == Previews.PreviewState.Ready ? d.TextSource : null));
}

/// <summary>`preview` (SPEC §8): whether the thumbnail and page images exist, and how many pages have one.</summary>
public sealed record DocumentPreviewDto(string Status, int Pages);

/// <summary>`text` (SPEC §8): whether the file's words are searchable, and whether they were read from its text or by OCR.</summary>
public sealed record DocumentTextDto(string Status, string? Source);

public sealed record DocumentFileDto(string OriginalName, string ContentType, long Size, string Sha256);

public sealed record DocumentOwnerDto(int Id, string Username);

public sealed record DocumentPage(IReadOnlyList<DocumentDto> Items, string? NextCursor);

public sealed record DocumentList(IReadOnlyList<DocumentDto> Items);
