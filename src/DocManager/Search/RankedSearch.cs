using DocManager.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>
/// The one ranked text search: `/search`, and `/documents?q=` and `/api/documents?q=` without a
/// sort, all list their matches through it, so the three show the same documents in the same order.
/// Best first means highest <see cref="RankedMatch.Relevance"/>, then newest, then highest id.
/// Relevance depends on the document alone, never on statistics over the whole index (as bm25's
/// and the average lengths do), so a document keeps its place while others are added and an API
/// cursor can hold that place exactly (decision 0016).
/// </summary>
public sealed class RankedSearch
{
    // What each field holding every term of the search is worth; higher is better. The title
    // outweighs all the others together, so a title match always comes first. Terms found only in
    // the file's text (or spread over several fields) are worth 0: such documents still match.
    private const int InTitle = 4;
    private const int InTagsOrDescription = 2;
    private const int InFileName = 1;

    private readonly IQueryable<Document> _candidates;

    /// <param name="candidates">The documents the user may see that pass the other filters.</param>
    /// <param name="hits">The full-text match of the search for the same user (<see cref="ISearchIndex.Match"/>).</param>
    public RankedSearch(IQueryable<Document> candidates, IQueryable<SearchHit> hits)
    {
        _candidates = candidates;
        Matches =
            from d in candidates
            join h in hits on d.Id equals h.DocumentId
            select new RankedMatch
            {
                Id = d.Id,
                CreatedAt = d.CreatedAt,
                Relevance = (h.InTitle ? InTitle : 0) + (h.InTagsOrDescription ? InTagsOrDescription : 0) + (h.InFileName ? InFileName : 0),
            };
    }

    /// <summary>Every candidate that matches, with its place in the order (not ordered: for counting).</summary>
    public IQueryable<RankedMatch> Matches { get; }

    /// <summary>
    /// A page by number (the pages' way): <paramref name="skip"/> matches, then up to <paramref name="take"/>,
    /// with the number of all matches.
    /// </summary>
    public async Task<RankedPage> PageAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await BestFirst(Matches).Select(m => new { Place = m, Total = RowsBeforePaging.Count() })
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        // Every row carries the total; only a page past the last one has no row to carry it.
        var total = rows.Count > 0 ? (int)rows[0].Total : skip == 0 ? 0 : await Matches.CountAsync(cancellationToken);
        return new RankedPage(await LoadAsync([.. rows.Select(r => r.Place)], cancellationToken), total);
    }

    /// <summary>Up to <paramref name="take"/> matches after a place already sent (the API's keyset cursor), or from the start.</summary>
    public async Task<IReadOnlyList<RankedDocument>> PageAfterAsync(RankedMatch? last, int take, CancellationToken cancellationToken) =>
        await LoadAsync(await BestFirst(last is null ? Matches : After(Matches, last)).Take(take).ToListAsync(cancellationToken), cancellationToken);

    private static IOrderedQueryable<RankedMatch> BestFirst(IQueryable<RankedMatch> matches) =>
        matches.OrderByDescending(m => m.Relevance).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);

    /// <summary>The matches that come after <paramref name="last"/> in <see cref="BestFirst"/> order.</summary>
    private static IQueryable<RankedMatch> After(IQueryable<RankedMatch> matches, RankedMatch last)
    {
        var (relevance, createdAt, id) = (last.Relevance, last.CreatedAt, last.Id);
        return matches.Where(m => m.Relevance < relevance ||
            (m.Relevance == relevance && (m.CreatedAt < createdAt || (m.CreatedAt == createdAt && m.Id < id))));
    }

    /// <summary>
    /// The documents of a page of the order, loaded from the candidates (visibility and filters checked
    /// again). A query of their own, because a query joined to the raw full-text hits cannot also load
    /// tags; a document deleted in between is left out.
    /// </summary>
    private async Task<IReadOnlyList<RankedDocument>> LoadAsync(IReadOnlyList<RankedMatch> places, CancellationToken cancellationToken)
    {
        var ids = places.Select(p => p.Id).ToList();
        var documents = await _candidates.Where(d => ids.Contains(d.Id))
            .Select(DocumentSummary.Projection).ToDictionaryAsync(d => d.Id, cancellationToken);
        return [.. places.Where(p => documents.ContainsKey(p.Id)).Select(p => new RankedDocument(documents[p.Id], p))];
    }
}

/// <summary>A match's place in the ranked order: what the order compares, and what an API cursor keeps.</summary>
public sealed class RankedMatch
{
    public required int Id { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>How well the document matches: the sum of the weights of the fields holding every term; higher is better.</summary>
    public required int Relevance { get; init; }
}

public sealed record RankedDocument(DocumentSummary Document, RankedMatch Place);

public sealed record RankedPage(IReadOnlyList<RankedDocument> Documents, int Total);
