using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Bench.Search;

/// <summary>A mix of what people type: one common or rare word, two words, a word being typed.</summary>
internal sealed record Query(string Text, int UserId, string[] Words);

internal static class Queries
{
    public static IReadOnlyList<Query> Generate(Corpus corpus, int count, int users)
    {
        var vocabulary = corpus.Vocabulary;
        var queries = new List<Query>();
        for (var i = 0; i < count; i++)
        {
            var user = corpus.Random.Next(1, users + 1);
            var common = vocabulary[corpus.Random.Next(0, 100)];
            var medium = vocabulary[corpus.Random.Next(100, 1000)];
            var rare = vocabulary[corpus.Random.Next(1000, vocabulary.Count)];
            queries.Add((i % 4) switch
            {
                0 => new Query(common, user, [common]),
                1 => new Query(rare, user, [rare]),
                2 => new Query($"{medium} {common}", user, [medium, common]),
                _ => new Query(medium[..Math.Min(4, medium.Length)], user, [medium[..Math.Min(4, medium.Length)]]),
            });
        }

        return queries;
    }
}

/// <summary>
/// The course's search, for comparison: `LIKE '%term%'` on title, description, tags and file text,
/// with the same visibility rule, counting all matches and returning the newest 20.
/// </summary>
internal static class Like
{
    public static async Task<int> SearchAsync(AppDbContext db, Query query)
    {
        var shared = db.Shares.Where(s => s.UserId == query.UserId).Select(s => s.DocumentId);
        var visible = db.Documents.Where(d => d.OwnerId == query.UserId || shared.Contains(d.Id));
        foreach (var word in query.Words)
        {
            var pattern = $"%{word}%";
            visible = visible.Where(d => EF.Functions.Like(d.Title, pattern) || EF.Functions.Like(d.Description, pattern) ||
                                         d.Tags.Any(t => EF.Functions.Like(t.Tag, pattern)) ||
                                         db.DocumentTexts.Any(x => x.DocumentId == d.Id && EF.Functions.Like(x.Text, pattern)));
        }

        var total = await visible.CountAsync();
        var page = await visible.OrderByDescending(d => d.CreatedAt).Take(20).Select(d => new { d.Id, d.Title }).ToListAsync();
        return total + page.Count;
    }
}
