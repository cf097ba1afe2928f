using DocManager.Sessions;

namespace DocManager.Search;

/// <summary>`GET /api/suggest?q=`: up to 10 titles the user may read with a word starting with what was typed.</summary>
public static class SuggestEndpoint
{
    public const int Limit = 10;

    public static RouteGroupBuilder MapSuggest(this RouteGroupBuilder api)
    {
        api.MapMethods("/suggest", [HttpMethods.Get, HttpMethods.Head], SuggestAsync)
            .WithSummary("Titles matching the typed prefix of any word, best first");
        return api;
    }

    private static async Task<IReadOnlyList<Suggestion>> SuggestAsync(string? q, HttpContext http, ISearchIndex index, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(q);
        // The typed text matches as a prefix even when it ends in a space: it is all the user has so far.
        return terms.IsEmpty ? [] : await index.SuggestAsync(terms.AsPrefix(), http.User.GetUserId(), Limit, cancellationToken);
    }
}
