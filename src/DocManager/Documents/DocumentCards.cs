using DocManager.Data;
using DocManager.Search;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Documents;

/// <summary>
/// The cards for documents already found, in their order; when they answer a search, each carries the
/// passage that matched. One place for the search page, the list with `q` and the cards infinite
/// scroll appends to it, so one document shows one card wherever it is listed.
/// </summary>
public static class DocumentCards
{
    /// <summary>The start of each file's text is enough for a passage around the first matches.</summary>
    private const int SnippetSourceCharacters = 50_000;

    public static async Task<IReadOnlyList<DocumentCard>> BuildAsync(
        AppDbContext db, IReadOnlyList<DocumentSummary> documents, int userId, SearchTerms terms, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return [.. documents.Select(d => new DocumentCard(d, userId))];
        }

        var ids = documents.Select(d => d.Id).ToList();
        var texts = await db.DocumentTexts.AsNoTracking().Where(t => ids.Contains(t.DocumentId))
            .Select(t => new { t.DocumentId, Text = t.Text.Substring(0, SnippetSourceCharacters) })
            .ToDictionaryAsync(t => t.DocumentId, t => t.Text, cancellationToken);
        return [.. documents.Select(d =>
        {
            var text = texts.GetValueOrDefault(d.Id);
            return new DocumentCard(d, userId, Snippets.Build(terms, d.Description, text, d.Title), Snippets.PageOf(terms, text));
        })];
    }
}
