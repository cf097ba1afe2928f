using System.Globalization;
using System.Text.Json;
using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>
/// SQLite FTS5 (`DocumentSearch`, rowid = document id). Readers are indexed as tokens `u{id}` in
/// their own column, so visibility is part of the full-text match itself, not a filter afterwards.
/// </summary>
internal sealed class SqliteSearchIndex(AppDbContext db) : ISearchIndex
{
    private const string ContentColumns = "{title description tags filename body}";

    // What one index row holds for a document; {0} in the filter is the only parameter.
    private const string Entries = """
        INSERT INTO "DocumentSearch" (rowid, title, description, tags, filename, body, readers)
        SELECT d."Id", d."Title", d."Description",
               coalesce((SELECT group_concat(t."Tag", ' ') FROM "DocumentTags" t WHERE t."DocumentId" = d."Id"), ''),
               coalesce(d."OriginalName", ''),
               coalesce(x."Text", ''),
               'u' || d."OwnerId" || coalesce((SELECT ' ' || group_concat('u' || s."UserId", ' ') FROM "Shares" s WHERE s."DocumentId" = d."Id"), '')
        FROM "Documents" d LEFT JOIN "DocumentTexts" x ON x."DocumentId" = d."Id"
        """;

    public Task UpdateAsync(int documentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "DocumentSearch" WHERE rowid = {0};""" + Entries + """ WHERE d."Id" = {0};""", [documentId], cancellationToken);

    public Task RemoveAsync(int documentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "DocumentSearch" WHERE rowid = {documentId};""", cancellationToken);

    public Task RebuildAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "DocumentSearch";""" + Entries + """; INSERT INTO "DocumentSearch" ("DocumentSearch") VALUES ('optimize');""", cancellationToken);

    public IQueryable<SearchHit> Match(SearchTerms terms, int userId)
    {
        if (terms.IsEmpty)
        {
            return db.Set<SearchHit>().FromSql($"""SELECT 0 AS "DocumentId", 0 AS "TitleMatch", 0.0 AS "Rank" WHERE 0""");
        }

        var match = $"{Reader(userId)} AND {ContentColumns} : ({Expression(terms)})";
        var titleMatch = $"{Reader(userId)} AND title : ({Expression(terms)})";
        // bm25 weights per column: title, description, tags, filename, body, readers.
        return db.Set<SearchHit>().FromSql($"""
            SELECT rowid AS "DocumentId",
                   CASE WHEN rowid IN (SELECT rowid FROM "DocumentSearch" WHERE "DocumentSearch" MATCH {titleMatch}) THEN 1 ELSE 0 END AS "TitleMatch",
                   -bm25("DocumentSearch", 10.0, 3.0, 5.0, 2.0, 1.0, 0.0) AS "Rank"
            FROM "DocumentSearch"
            WHERE "DocumentSearch" MATCH {match}
            """);
    }

    public async Task<SearchPage> PageAsync(SearchTerms terms, int userId, int skip, int take, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return new SearchPage([], 0);
        }

        var match = $"{Reader(userId)} AND {ContentColumns} : ({Expression(terms)})";
        var titleMatch = $"{Reader(userId)} AND title : ({Expression(terms)})";
        // bm25 must be computed inside the full-text query; the window count runs over its results
        // ("LIMIT -1" keeps SQLite from merging the two levels).
        var rows = await db.Database.SqlQuery<PagedHit>($"""
            SELECT "Id", count(*) OVER () AS "Total"
            FROM (
                SELECT rowid AS "Id",
                       rowid IN (SELECT rowid FROM "DocumentSearch" WHERE "DocumentSearch" MATCH {titleMatch}) AS "TitleMatch",
                       bm25("DocumentSearch", 10.0, 3.0, 5.0, 2.0, 1.0, 0.0) AS "Score"
                FROM "DocumentSearch"
                WHERE "DocumentSearch" MATCH {match}
                LIMIT -1)
            ORDER BY "TitleMatch" DESC, "Score", "Id" DESC
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

        var match = $"{Reader(userId)} AND title : ({Expression(terms)})";
        return await db.Database.SqlQuery<Suggestion>($"""
            SELECT rowid AS "Id", title AS "Title"
            FROM "DocumentSearch"
            WHERE "DocumentSearch" MATCH {match}
            ORDER BY bm25("DocumentSearch", 1.0, 0.0, 0.0, 0.0, 0.0, 0.0), length(title), rowid
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    private static string Reader(int userId) => string.Create(CultureInfo.InvariantCulture, $"readers : \"u{userId}\"");

    /// <summary>Every term must match: words as quoted strings, phrases as one quoted string, the last word as a prefix.</summary>
    private static string Expression(SearchTerms terms) => string.Join(" AND ", terms.Groups.Select((group, index) =>
        $"\"{string.Join(' ', group)}\"" + (terms.LastIsPrefix && index == terms.Groups.Count - 1 ? "*" : "")));
}
