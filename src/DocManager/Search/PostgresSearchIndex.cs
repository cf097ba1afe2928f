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
            return db.Set<SearchHit>().FromSql($"""SELECT 0 AS "DocumentId", 0 AS "TitleMatch", 0.0::float8 AS "Rank" WHERE false""");
        }

        var query = TsQuery(terms);
        var reader = Reader(userId);
        return db.Set<SearchHit>().FromSql($"""
            SELECT s."DocumentId",
                   CASE WHEN s."TitleVector" @@ q.query THEN 1 ELSE 0 END AS "TitleMatch",
                   ts_rank(s."HeadVector", q.query)::float8 AS "Rank"
            FROM "DocumentSearch" AS s, to_tsquery('docmanager', {query}) AS q(query)
            WHERE s."Vector" @@ (q.query && {reader}::tsquery)
            """);
    }

    public async Task<SearchPage> PageAsync(SearchTerms terms, int userId, int skip, int take, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return new SearchPage([], 0);
        }

        var query = TsQuery(terms);
        var reader = Reader(userId);
        var rows = await db.Database.SqlQuery<PagedHit>($"""
            SELECT s."DocumentId" AS "Id", (count(*) OVER ())::integer AS "Total"
            FROM "DocumentSearch" AS s, to_tsquery('docmanager', {query}) AS q(query)
            WHERE s."Vector" @@ (q.query && {reader}::tsquery)
            ORDER BY s."TitleVector" @@ q.query DESC, ts_rank(s."HeadVector", q.query) DESC, s."DocumentId" DESC
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        return await SearchPage.FromRowsAsync(rows, skip, () => Match(terms, userId).CountAsync(cancellationToken));
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
            ORDER BY ts_rank(s."TitleVector", q.query) DESC, length(s."Title"), s."DocumentId"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>The lexeme of one reader, as a tsquery literal: not parsed, so `#` survives.</summary>
    private static string Reader(int userId) => string.Create(CultureInfo.InvariantCulture, $"'#{userId}'");

    /// <summary>
    /// A tsquery in which every term must match: `'word'`, `('two' <-> 'words')` for a phrase, and
    /// `'pre':*` for the word being typed. Terms are letters and digits only, so the quoting cannot
    /// be broken; the whole string is a bound parameter.
    /// </summary>
    private static string TsQuery(SearchTerms terms) =>
        string.Join(" & ", terms.Groups.Select((group, index) =>
        {
            var suffix = terms.LastIsPrefix && index == terms.Groups.Count - 1 ? ":*" : "";
            var lexemes = group.Select(word => $"'{word}'{suffix}");
            return group.Count == 1 ? lexemes.Single() : $"({string.Join(" <-> ", lexemes)})";
        }));
}
