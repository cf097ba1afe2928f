using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DocManager.Bench.Search;

/// <summary>Writes the results of both databases as the "Search" section of bench/RESULTS.md, replacing an earlier one.</summary>
internal static class Report
{
    private const string Heading = "## Search latency";

    public static async Task WriteAsync(string[] args)
    {
        string Value(string name) => args.SkipWhile(a => a != name).Skip(1).First();
        var inputs = args.SkipWhile(a => a != "--report").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var runs = new List<JsonElement>();
        foreach (var input in inputs)
        {
            runs.Add(JsonDocument.Parse(await File.ReadAllTextAsync(input)).RootElement.Clone());
        }

        var section = new StringBuilder();
        section.AppendLine(Heading).AppendLine();
        var first = runs[0];
        section.AppendLine(CultureInfo.InvariantCulture, $"{first.GetProperty("Documents").GetInt32():N0} documents of {first.GetProperty("Users").GetInt32()} users (about half with extracted file text of 100–600 words), {first.GetProperty("Queries").GetInt32()} queries per row: one common word, one rare word, two words, a 4-letter prefix, each by a random user. Times are per query, in process, including everything the page needs (match, count, the first 20 rows, snippets).");
        section.AppendLine();
        section.AppendLine("| database | query | p50 | p99 |").AppendLine("| --- | --- | ---: | ---: |");
        foreach (var run in runs)
        {
            foreach (var result in run.GetProperty("Results").EnumerateArray())
            {
                section.AppendLine(CultureInfo.InvariantCulture,
                    $"| {run.GetProperty("Provider").GetString()} | {result.GetProperty("Name").GetString()} | {result.GetProperty("P50").GetDouble():0.00} ms | {result.GetProperty("P99").GetDouble():0.00} ms |");
            }
        }

        section.AppendLine();
        section.AppendLine(Notes);
        section.AppendLine();
        section.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {MemoryGiB()} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}.");
        section.AppendLine(CultureInfo.InvariantCulture, $"Command: `{Value("--command")}` — run on {DateTime.UtcNow:yyyy-MM-dd}.");

        var path = Value("--into");
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmark results\n\n";
        var start = existing.IndexOf(Heading, StringComparison.Ordinal);
        if (start >= 0)
        {
            var next = existing.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            existing = existing[..start] + section + (next >= 0 ? existing[(next + 1)..] : "");
        }
        else
        {
            existing = existing.TrimEnd() + "\n\n" + section;
        }

        await File.WriteAllTextAsync(path, existing);
    }

    private const string Notes = """
        Budget: p50 under 10 ms on both databases at 100,000 documents. What makes it:
        - The reader (owner or viewer) is a token in the index itself, so a query is "these words AND
          this reader" answered from the index; matches of other users are never visited.
        - A page and its total come from one query (`count(*) OVER ()`); PostgreSQL ranks on a small
          "head" vector (title, tags, description, file name) so ranking a common word does not read
          every matching document's file text.
        - Snippets are built in C# from the description and the start of the file text of the 20 rows shown.
        - The p99 rows are common words found in most of a user's ~1,000 documents: every match is ranked.
        - `LIKE` on SQLite scans only the user's own rows (owner index), so it stays in milliseconds at
          1,000 documents per user, but it cannot rank, does not fold accents, ignores word boundaries, and grows
          with each user's data; on PostgreSQL the planner scans the documents' text for every query.
        """;

    private static string MemoryGiB()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kib = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kib / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
    }
}
