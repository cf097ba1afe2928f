using DocManager.Data;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>`/search`: the ranked search over everything the user may read, a page at a time, with a marked snippet per hit.</summary>
public sealed class SearchService(AppDbContext db, ISearchIndex index)
{
    private const int SnippetSourceCharacters = 50_000;

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

        var ids = found.Select(f => f.Document.Id).ToList();
        // The start of each file's text is enough for a passage around the first matches.
        var texts = await db.DocumentTexts.AsNoTracking().Where(t => ids.Contains(t.DocumentId))
            .Select(t => new { t.DocumentId, Text = t.Text.Substring(0, SnippetSourceCharacters) })
            .ToDictionaryAsync(t => t.DocumentId, t => t.Text, cancellationToken);
        var cards = found
            .Select(f => new DocumentCard(f.Document, userId,
                Snippets.Build(terms, f.Document.Description, texts.GetValueOrDefault(f.Document.Id), f.Document.Title)))
            .ToList();
        return new SearchResults(terms, cards, total);
    }
}

public sealed record SearchResults(SearchTerms Terms, IReadOnlyList<DocumentCard> Cards, int Total);
