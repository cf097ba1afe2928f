namespace DocManager.Documents;

/// <summary>One document in a list or in search results; <see cref="SnippetHtml"/> is already escaped and marked.</summary>
public sealed record DocumentCard(DocumentSummary Document, int UserId, string? SnippetHtml = null);
