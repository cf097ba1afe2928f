using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocManager.Bench.Search;
using DocManager.Data;
using DocManager.Search;
using Microsoft.EntityFrameworkCore;

// Search latency at scale: seeds a fresh database, then times the same queries through DocManager's
// own search (what /search runs: match, count, a page of 20, snippets), through /api/suggest's query,
// and through the LIKE '%term%' query it replaces, on the same data.
if (args.Contains("--report"))
{
    await Report.WriteAsync(args);
    return;
}

var options = Options.Parse(args);
var corpus = new Corpus(Path.Combine(AppContext.BaseDirectory, "words.txt"), seed: 42);
await using var db = options.CreateContext();
await db.Database.EnsureDeletedAsync();
await db.Database.MigrateAsync();

var watch = Stopwatch.StartNew();
await Seeder.SeedAsync(db, corpus, options.Users, options.Documents, Console.Out);
Console.WriteLine($"seeding took {watch.Elapsed.TotalSeconds:0.0} s");
ISearchIndex index = options.Provider == "Postgres" ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);
watch.Restart();
await index.RebuildAsync(CancellationToken.None);
Console.WriteLine($"indexing took {watch.Elapsed.TotalSeconds:0.0} s");

var queries = Queries.Generate(corpus, options.Queries, options.Users);
var search = new SearchService(db, index);
var results = new List<Measurement>
{
    await Measure("full-text search (/search page)", queries, q => search.SearchAsync(q.Text, q.UserId, 1, 20, CancellationToken.None)),
    await Measure("suggest (/api/suggest)", queries, q => index.SuggestAsync(SearchTerms.Parse(q.Text).AsPrefix(), q.UserId, 10, CancellationToken.None)),
    // LIKE takes seconds per query on PostgreSQL at this size; a quarter of the queries show its shape.
    await Measure("LIKE '%term%' (same page)", [.. queries.Where((_, i) => i % 4 == 0 || options.Provider == "Sqlite")], q => Like.SearchAsync(db, q)),
};

Console.WriteLine();
Console.WriteLine($"{options.Provider}, {options.Documents:N0} documents, {options.Users} users, {queries.Count} queries");
foreach (var result in results)
{
    Console.WriteLine($"  {result.Name,-36} p50 {result.P50,8:0.00} ms   p99 {result.P99,8:0.00} ms");
}

if (options.Output is { } output)
{
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { options.Provider, options.Documents, options.Users, Queries = queries.Count, Results = results }));
}

static async Task<Measurement> Measure<T>(string name, IReadOnlyList<Query> queries, Func<Query, Task<T>> run)
{
    foreach (var query in queries.Take(10))
    {
        await run(query); // warm up: plans, caches, JIT
    }

    var times = new List<double>(queries.Count);
    foreach (var query in queries)
    {
        var start = Stopwatch.GetTimestamp();
        await run(query);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    times.Sort();
    return new Measurement(name, Percentile(times, 0.50), Percentile(times, 0.99));
}

static double Percentile(List<double> sorted, double p) =>
    sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

internal sealed record Measurement(string Name, double P50, double P99);

internal sealed record Options(string Provider, string? Postgres, string DataDirectory, int Documents, int Users, int Queries, string? Output)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Value("--provider") ?? "Sqlite",
            Value("--postgres"),
            Value("--data") ?? Path.Combine(Path.GetTempPath(), "docmanager-search-bench"),
            Number("--documents", 100_000),
            Number("--users", 100),
            Number("--queries", 400),
            Value("--output"));
    }

    public AppDbContext CreateContext()
    {
        if (Provider == "Postgres")
        {
            return new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(Postgres ?? throw new ArgumentException("--postgres <connection string> is required"), npgsql => npgsql.CommandTimeout(600)).Options);
        }

        Directory.CreateDirectory(DataDirectory);
        return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(DataDirectory, "search-bench.db")}", sqlite => sqlite.CommandTimeout(600)).Options);
    }
}
