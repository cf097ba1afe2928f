using DocManager.Data;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>Ranked full-text search over what the user may read, with a marked snippet per hit.</summary>
public sealed class SearchService(AppDbContext db, ISearchIndex index)
{
    public async Task<SearchResults> SearchAsync(string? query, int userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsEmpty)
        {
            return new SearchResults(terms, [], 0);
        }

        var hits = index.Match(terms, userId);
        var total = await hits.CountAsync(cancellationToken);
        // A page past the end is empty; computed in int, its offset could overflow to a negative number.
        if ((long)(page - 1) * pageSize >= total)
        {
            return new SearchResults(terms, [], total);
        }

        var ids = await hits.OrderByDescending(h => h.TitleMatch).ThenByDescending(h => h.Rank).ThenByDescending(h => h.DocumentId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(h => h.DocumentId)
            .ToListAsync(cancellationToken);

        // Visibility is part of the match; it is checked again here against the shares themselves.
        var documents = (await db.DocumentsVisibleTo(userId).AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(DocumentSummary.Projection)
                .ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id);
        var snippets = await index.SnippetsAsync(terms, ids, cancellationToken);
        var results = ids.Where(documents.ContainsKey)
            .Select(id => new DocumentCard(documents[id], userId, snippets.TryGetValue(id, out var snippet) ? Snippets.ToHtml(snippet) : null))
            .ToList();
        return new SearchResults(terms, results, total);
    }
}

public sealed record SearchResults(SearchTerms Terms, IReadOnlyList<DocumentCard> Cards, int Total);
