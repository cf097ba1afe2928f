namespace DocManager.Documents;

/// <summary>
/// One document in a list or in search results; <see cref="SnippetHtml"/> is already escaped and marked,
/// and <see cref="Page"/> is the page of the file where the searched words first appear.
/// </summary>
public sealed record DocumentCard(DocumentSummary Document, int UserId, string? SnippetHtml = null, int? Page = null)
{
    /// <summary>The details page, opened at the matched page when a search found the words beyond page 1.</summary>
    public string Link => Page is > 1 ? $"/documents/{Document.Id}?page={Page}" : $"/documents/{Document.Id}";
}
