using System.Globalization;
using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>
/// PostgreSQL: a `DocumentSearch` row per document with generated tsvectors (see the Search
/// migration). Readers are lexemes `#id` inside the searched vector, so "matches and may be read"
/// is one GIN lookup; ranking uses the small head vector, so even a word found in most of a user's
/// documents costs no reading of their file text.
/// </summary>
internal sealed class PostgresSearchIndex(AppDbContext db) : ISearchIndex
{
    // What one index row holds for a document; {0} is the only parameter. File text past 200,000
    // characters is left out, keeping each vector far below PostgreSQL's 1 MB limit.
    private const string Entries = """
        INSERT INTO "DocumentSearch" ("DocumentId", "Title", "Description", "Tags", "FileName", "Body", "Readers")
        SELECT d."Id", d."Title", d."Description",
               coalesce((SELECT string_agg(t."Tag", ' ') FROM "DocumentTags" t WHERE t."DocumentId" = d."Id"), ''),
               coalesce(d."OriginalName", ''),
               left(coalesce(x."Text", ''), 200000),
               '#' || d."OwnerId" || coalesce((SELECT string_agg(' #' || s."UserId", '') FROM "Shares" s WHERE s."DocumentId" = d."Id"), '')
        FROM "Documents" d LEFT JOIN "DocumentTexts" x ON x."DocumentId" = d."Id"
        """;

    public Task UpdateAsync(int documentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(Entries + """
             WHERE d."Id" = {0}
            ON CONFLICT ("DocumentId") DO UPDATE SET
                "Title" = EXCLUDED."Title", "Description" = EXCLUDED."Description", "Tags" = EXCLUDED."Tags",
                "FileName" = EXCLUDED."FileName", "Body" = EXCLUDED."Body", "Readers" = EXCLUDED."Readers"
            """, [documentId], cancellationToken);

    // The row goes with its document (foreign key, ON DELETE CASCADE); this covers a removal on its own.
    public Task RemoveAsync(int documentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "DocumentSearch" WHERE "DocumentId" = {documentId}""", cancellationToken);

    public Task RebuildAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""TRUNCATE "DocumentSearch";""" + Entries + """; ANALYZE "DocumentSearch";""", cancellationToken);

    public IQueryable<SearchHit> Match(SearchTerms terms, int userId)
    {
        if (terms.IsEmpty)
        {
            return db.Set<SearchHit>().FromSql($"""
                SELECT 0 AS "DocumentId", false AS "InTitle", false AS "InTagsOrDescription", false AS "InFileName" WHERE false
                """);
        }

        // The head vector weighs title A, tags and description B, file name C: a query whose lexemes
        // all carry one weight tests one field, read from the small vector, never the file text.
        var query = TsQuery(terms);
        var reader = Reader(userId);
        return db.Set<SearchHit>().FromSql($"""
            SELECT s."DocumentId",
                   s."HeadVector" @@ to_tsquery('docmanager', {TsQuery(terms, "A")}) AS "InTitle",
                   s."HeadVector" @@ to_tsquery('docmanager', {TsQuery(terms, "B")}) AS "InTagsOrDescription",
                   s."HeadVector" @@ to_tsquery('docmanager', {TsQuery(terms, "C")}) AS "InFileName"
            FROM "DocumentSearch" AS s, to_tsquery('docmanager', {query}) AS q(query)
            WHERE s."Vector" @@ (q.query && {reader}::tsquery)
            """);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SearchTerms terms, int userId, int limit, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return [];
        }

        var query = TsQuery(terms);
        var reader = Reader(userId);
        return await db.Database.SqlQuery<Suggestion>($"""
            SELECT s."DocumentId" AS "Id", s."Title"
            FROM "DocumentSearch" AS s, to_tsquery('docmanager', {query}) AS q(query)
            WHERE s."TitleVector" @@ q.query AND s."Vector" @@ {reader}::tsquery
            ORDER BY length(s."Title"), s."DocumentId"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>The lexeme of one reader, as a tsquery literal: not parsed, so `#` survives.</summary>
    private static string Reader(int userId) => string.Create(CultureInfo.InvariantCulture, $"'#{userId}'");

    /// <summary>
    /// A tsquery in which every term must match: `'word'`, `('two' &lt;-&gt; 'words')` for a phrase, and
    /// `'pre':*` for the word being typed; with <paramref name="weight"/>, only lexemes of that weight
    /// (`'word':A`). Terms are letters and digits only, so the quoting cannot be broken; the whole
    /// string is a bound parameter.
    /// </summary>
    private static string TsQuery(SearchTerms terms, string weight = "") =>
        string.Join(" & ", terms.Groups.Select((group, index) =>
        {
            var prefix = terms.LastIsPrefix && index == terms.Groups.Count - 1 ? "*" : "";
            var suffix = prefix.Length + weight.Length > 0 ? $":{prefix}{weight}" : "";
            var lexemes = group.Select(word => $"'{word}'{suffix}");
            return group.Count == 1 ? lexemes.Single() : $"({string.Join(" <-> ", lexemes)})";
        }));
}
