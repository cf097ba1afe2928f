namespace DocManager.Search;

/// <summary>
/// The full-text index of every document's title, description, tags, file name and extracted text,
/// with who may read it: SQLite FTS5 on the embedded default, a PostgreSQL tsvector with GIN indexes
/// when scaled out. Updated in the same transaction as the change it reflects. It answers what
/// matches and where; how matches are ordered is <see cref="RankedSearch"/>'s, the same for both.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Brings one document's entry up to date (call after its row, tags, shares or text changed).</summary>
    Task UpdateAsync(int documentId, CancellationToken cancellationToken);

    Task RemoveAsync(int documentId, CancellationToken cancellationToken);

    /// <summary>Rebuilds every entry (after a bulk import).</summary>
    Task RebuildAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Documents the user may read that match every term, with the fields that hold every term;
    /// composable with other LINQ filters.
    /// </summary>
    IQueryable<SearchHit> Match(SearchTerms terms, int userId);

    /// <summary>Titles the user may read with a word starting with the typed text, shortest first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SearchTerms terms, int userId, int limit, CancellationToken cancellationToken);
}

public sealed record Suggestion(int Id, string Title);
