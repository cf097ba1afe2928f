namespace DocManager.Search;

/// <summary>
/// The full-text index of every document's title, description, tags, file name and extracted text,
/// with who may read it: SQLite FTS5 on the embedded default, a PostgreSQL tsvector with GIN indexes
/// when scaled out. Updated in the same transaction as the change it reflects.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Brings one document's entry up to date (call after its row, tags, shares or text changed).</summary>
    Task UpdateAsync(int documentId, CancellationToken cancellationToken);

    Task RemoveAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>Rebuilds every entry (after a bulk import).</summary>
    Task RebuildAsync(CancellationToken cancellationToken);

    /// <summary>Documents the user may read that match every term, composable with other LINQ filters.</summary>
    IQueryable<SearchHit> Match(SearchTerms terms, int userId);

    /// <summary>
    /// One page of <see cref="Match"/>, best first (title matches first, then by relevance), and the
    /// number of all matches, in a single query.
    /// </summary>
    Task<SearchPage> PageAsync(SearchTerms terms, int userId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Titles the user may read with a word starting with the typed text, best first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SearchTerms terms, int userId, int limit, CancellationToken cancellationToken);
}

public sealed record Suggestion(int Id, string Title);

public sealed record SearchPage(IReadOnlyList<int> Ids, int Total)
{
    /// <summary>
    /// The total comes with every row of a page; only a page past the last one has no row to carry
    /// it, and then the matches are counted separately.
    /// </summary>
    internal static async Task<SearchPage> FromRowsAsync(IReadOnlyList<PagedHit> rows, int skip, Func<Task<int>> count) =>
        rows.Count > 0 || skip == 0
            ? new SearchPage([.. rows.Select(r => r.Id)], rows.Count > 0 ? rows[0].Total : 0)
            : new SearchPage([], await count());
}

/// <summary>A row of a page query: a document id and the count of all matches (the same on every row).</summary>
internal sealed record PagedHit(int Id, int Total);
