namespace DocManager.Documents;

/// <summary>
/// One page of the document list read after a cursor: the query it answers, the documents in order,
/// where the next page starts (null after the last) and whose view it is.
/// </summary>
public sealed record CursorPage(DocumentQuery Query, IReadOnlyList<DocumentSummary> Items, string? NextCursor, int UserId);
