using System.Data.Common;
using System.Globalization;
using DocManager.Data;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocManager.Bench.Search;

/// <summary>
/// Fills a fresh database with users and documents straight through the connection (batched
/// inserts on SQLite, binary COPY on PostgreSQL): 100,000 documents take seconds, not hours.
/// About half the documents have a file whose extracted text is a few hundred words.
/// </summary>
internal static class Seeder
{
    public static async Task SeedAsync(AppDbContext db, Corpus corpus, int users, int documents, TextWriter log)
    {
        var rows = Generate(corpus, users, documents).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, users, rows);
        }
        else
        {
            await InsertAsync(connection, users, rows);
        }

        log.WriteLine($"seeded {users} users, {rows.Count} documents ({rows.Count(r => r.Text is not null)} with file text)");
    }

    private static IEnumerable<Row> Generate(Corpus corpus, int users, int documents)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var id = 1; id <= documents; id++)
        {
            var owner = (id % users) + 1;
            var title = $"{corpus.Title()} {id}";
            var hasFile = corpus.Random.NextDouble() < 0.5;
            var tags = Enumerable.Range(0, corpus.Random.Next(0, 4)).Select(_ => corpus.Word()).Distinct().ToArray();
            yield return new Row(
                id,
                owner,
                title,
                DocumentRules.TitleKey(title),
                corpus.Words(10, 40),
                DocumentRules.Categories[id % DocumentRules.Categories.Count],
                start.AddMinutes(id * 7),
                hasFile ? $"{title}.pdf" : null,
                hasFile ? corpus.Random.Next(20_000, 2_000_000) : 0,
                tags,
                hasFile ? corpus.Words(100, 600) : null,
                // Every tenth document is shared with the owner's neighbour.
                id % 10 == 0 ? (owner % users) + 1 : null);
        }
    }

    private static async Task InsertAsync(DbConnection connection, int users, List<Row> rows)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var user = Command(connection, transaction, """INSERT INTO "Users" ("Id", "UserName", "NormalizedUserName", "DisplayName", "PasswordHash", "CreatedAt", "StorageUsed", "DocumentCount") VALUES ($1, $2, $3, $2, 'x', $4, 0, 0)""", 4))
        {
            for (var id = 1; id <= users; id++)
            {
                await Run(user, id, $"user{id}", $"USER{id}", DateTime.UtcNow);
            }
        }

        await using var document = Command(connection, transaction, """
            INSERT INTO "Documents" ("Id", "OwnerId", "Title", "TitleKey", "Description", "Category", "Priority", "CreatedAt", "UpdatedAt", "StoredName", "OriginalName", "ContentType", "Size", "Sha256")
            VALUES ($1, $2, $3, $4, $5, $6, 'normal', $7, $7, $8, $9, $10, $11, $12)
            """, 12);
        await using var tag = Command(connection, transaction, """INSERT INTO "DocumentTags" ("DocumentId", "Tag") VALUES ($1, $2)""", 2);
        await using var text = Command(connection, transaction, """INSERT INTO "DocumentTexts" ("DocumentId", "Text", "Truncated", "ExtractedAt") VALUES ($1, $2, 0, $3)""", 3);
        await using var share = Command(connection, transaction, """INSERT INTO "Shares" ("DocumentId", "UserId", "CreatedAt") VALUES ($1, $2, $3)""", 3);
        foreach (var row in rows)
        {
            var file = row.FileName is not null;
            await Run(document, row.Id, row.OwnerId, row.Title, row.TitleKey, row.Description, row.Category, row.CreatedAt,
                file ? row.Id.ToString("x32", CultureInfo.InvariantCulture) : null, row.FileName, file ? "application/pdf" : null, row.Size, file ? new string('0', 64) : null);
            foreach (var name in row.Tags)
            {
                await Run(tag, row.Id, name);
            }

            if (row.Text is not null)
            {
                await Run(text, row.Id, row.Text, row.CreatedAt);
            }

            if (row.SharedWith is { } viewer)
            {
                await Run(share, row.Id, viewer, row.CreatedAt);
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, int users, List<Row> rows)
    {
        await using (var user = await connection.BeginBinaryImportAsync("""COPY "Users" ("Id", "UserName", "NormalizedUserName", "DisplayName", "PasswordHash", "CreatedAt", "StorageUsed", "DocumentCount") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var id = 1; id <= users; id++)
            {
                await user.WriteRowAsync(default, id, $"user{id}", $"USER{id}", $"user{id}", "x", DateTime.UtcNow, 0L, 0);
            }

            await user.CompleteAsync();
        }

        await using (var document = await connection.BeginBinaryImportAsync("""
            COPY "Documents" ("Id", "OwnerId", "Title", "TitleKey", "Description", "Category", "Priority", "CreatedAt", "UpdatedAt", "StoredName", "OriginalName", "ContentType", "Size", "Sha256") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var row in rows)
            {
                var file = row.FileName is not null;
                await document.WriteRowAsync(default, row.Id, row.OwnerId, row.Title, row.TitleKey, row.Description, row.Category, "normal", row.CreatedAt, row.CreatedAt,
                    file ? row.Id.ToString("x32", CultureInfo.InvariantCulture) : null, row.FileName, file ? "application/pdf" : null, row.Size, file ? new string('0', 64) : null);
            }

            await document.CompleteAsync();
        }

        await using (var tag = await connection.BeginBinaryImportAsync("""COPY "DocumentTags" ("DocumentId", "Tag") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in rows)
            {
                foreach (var name in row.Tags)
                {
                    await tag.WriteRowAsync(default, row.Id, name);
                }
            }

            await tag.CompleteAsync();
        }

        await using (var text = await connection.BeginBinaryImportAsync("""COPY "DocumentTexts" ("DocumentId", "Text", "Truncated", "ExtractedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in rows.Where(r => r.Text is not null))
            {
                await text.WriteRowAsync(default, row.Id, row.Text!, false, row.CreatedAt);
            }

            await text.CompleteAsync();
        }

        await using (var share = await connection.BeginBinaryImportAsync("""COPY "Shares" ("DocumentId", "UserId", "CreatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in rows.Where(r => r.SharedWith is not null))
            {
                await share.WriteRowAsync(default, row.Id, row.SharedWith!.Value, row.CreatedAt);
            }

            await share.CompleteAsync();
        }

        // Identity columns continue after the explicit ids; statistics for the planner.
        await using var fix = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('"Users"', 'Id'), (SELECT max("Id") FROM "Users"));
            SELECT setval(pg_get_serial_sequence('"Documents"', 'Id'), (SELECT max("Id") FROM "Documents"));
            ANALYZE;
            """, connection);
        await fix.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static async Task Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                var value => value,
            };
        }

        await command.ExecuteNonQueryAsync();
    }

    private sealed record Row(
        int Id, int OwnerId, string Title, string TitleKey, string Description, string Category, DateTime CreatedAt,
        string? FileName, long Size, string[] Tags, string? Text, int? SharedWith);
}
