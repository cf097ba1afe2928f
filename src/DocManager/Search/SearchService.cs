using DocManager.Data;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>`/search`: the ranked search over everything the user may read, a page at a time, with a marked snippet per hit.</summary>
public sealed class SearchService(AppDbContext db, ISearchIndex index)
{
    public async Task<SearchResults> SearchAsync(string? query, int userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsEmpty)
        {
            return new SearchResults(terms, [], 0);
        }

        // The same ranked search as `/documents?q=` with no other filter, so both list the same order.
        var search = new RankedSearch(db.DocumentsVisibleTo(userId).AsNoTracking(), index.Match(terms, userId));
        // A page too far out for an int offset is past every result; only the count is wanted.
        var skip = (long)(page - 1) * pageSize;
        var (found, total) = skip > int.MaxValue
            ? new RankedPage([], await search.Matches.CountAsync(cancellationToken))
            : await search.PageAsync((int)skip, pageSize, cancellationToken);

        var cards = await DocumentCards.BuildAsync(db, [.. found.Select(f => f.Document)], userId, terms, cancellationToken);
        return new SearchResults(terms, cards, total);
    }
}

public sealed record SearchResults(SearchTerms Terms, IReadOnlyList<DocumentCard> Cards, int Total);
