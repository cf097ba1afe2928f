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

        // A page too far out for an int offset is past every result; only the count is wanted.
        var skip = (long)(page - 1) * pageSize;
        var (ids, total) = skip > int.MaxValue
            ? new SearchPage([], await index.Match(terms, userId).CountAsync(cancellationToken))
            : await index.PageAsync(terms, userId, (int)skip, pageSize, cancellationToken);

        // Visibility is part of the match; it is checked again here against the shares themselves.
        var documents = (await db.DocumentsVisibleTo(userId).AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(DocumentSummary.Projection)
                .ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id);
        var cards = await DocumentCards.BuildAsync(db, [.. ids.Where(documents.ContainsKey).Select(id => documents[id])], userId, terms, cancellationToken);
        return new SearchResults(terms, cards, total);
    }
}

public sealed record SearchResults(SearchTerms Terms, IReadOnlyList<DocumentCard> Cards, int Total);
