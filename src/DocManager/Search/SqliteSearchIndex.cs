using System.Globalization;
using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Search;

/// <summary>
/// SQLite FTS5 (`DocumentSearch`, rowid = document id). Readers are indexed as tokens `u{id}` in
/// their own column, so visibility is part of the full-text match itself, not a filter afterwards.
/// </summary>
internal sealed class SqliteSearchIndex(AppDbContext db) : ISearchIndex
{
    private const string ContentColumns = "title description tags filename body";

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
            return db.Set<SearchHit>().FromSql($"""
                SELECT 0 AS "DocumentId", 0 AS "InTitle", 0 AS "InTagsOrDescription", 0 AS "InFileName" WHERE 0
                """);
        }

        // Each field test is a match of its own, run once for the whole query (not per row).
        return db.Set<SearchHit>().FromSql($"""
            SELECT rowid AS "DocumentId",
                   rowid IN (SELECT rowid FROM "DocumentSearch" WHERE "DocumentSearch" MATCH {Within("title", terms, userId)}) AS "InTitle",
                   rowid IN (SELECT rowid FROM "DocumentSearch" WHERE "DocumentSearch" MATCH {Within("tags description", terms, userId)}) AS "InTagsOrDescription",
                   rowid IN (SELECT rowid FROM "DocumentSearch" WHERE "DocumentSearch" MATCH {Within("filename", terms, userId)}) AS "InFileName"
            FROM "DocumentSearch"
            WHERE "DocumentSearch" MATCH {Within(ContentColumns, terms, userId)}
            """);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SearchTerms terms, int userId, int limit, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return [];
        }

        return await db.Database.SqlQuery<Suggestion>($"""
            SELECT rowid AS "Id", title AS "Title"
            FROM "DocumentSearch"
            WHERE "DocumentSearch" MATCH {Within("title", terms, userId)}
            ORDER BY length(title), rowid
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>An FTS5 expression: readable by the user, and every term in one of these columns.</summary>
    private static string Within(string columns, SearchTerms terms, int userId) =>
        string.Create(CultureInfo.InvariantCulture, $"readers : \"u{userId}\" AND {{{columns}}} : ({Expression(terms)})");

    /// <summary>Every term must match: words as quoted strings, phrases as one quoted string, the last word as a prefix.</summary>
    private static string Expression(SearchTerms terms) => string.Join(" AND ", terms.Groups.Select((group, index) =>
        $"\"{string.Join(' ', group)}\"" + (terms.LastIsPrefix && index == terms.Groups.Count - 1 ? "*" : "")));
}
