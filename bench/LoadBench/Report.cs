using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DocManager.Bench.Load;

/// <summary>Figures bench/load.sh measures around the load runs; null when not measured (the smoke test).</summary>
public sealed record ServerFigures(double? FirstOkMs, long? IdleRssKiB, long? BigUploadGrowthKiB, long? BigUploadBytes, string? LoadBefore = null);

/// <summary>The results as the "Load" section of bench/RESULTS.md (replacing an earlier one) and as the printed table.</summary>
public static class Report
{
    public const string Heading = "## Load";

    public static string Section(LoadOptions options, LoadResults results, ServerFigures server, int documents, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(Invariant($"Release build on the embedded default (SQLite, files in a local folder, sessions in the database), plain HTTP on loopback. wrk with {options.Threads} threads and {options.Connections} connections for {options.Duration.TotalSeconds:0} s per row, in a second process on the same machine; the seeded user has {documents:N0} documents (one a 1 MiB file). Ceilings measured in the same run: nginx serving the same 1 MiB file statically with the same wrk settings, and {options.Connections} threads each writing a new {options.UploadBytes / 1024} KiB file and fsyncing it, in a loop, on the same disk."));
        text.AppendLine();
        text.AppendLine("| operation | requests/s | p50 | p99 | peak RSS | ceiling (same run) | ratio | budget |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |");
        foreach (var run in results.Runs)
        {
            var (ceiling, ratio, budget) = run.Name switch
            {
                LoadRun.Documents => ("", "", Budget(run.P99Ms < 20, "p99 < 20 ms")),
                LoadRun.Download => Ratio(run, results.Nginx, "nginx", 0.70),
                LoadRun.Upload => Ratio(run, results.Disk, "disk", 0.50),
                _ => ("", "", ""),
            };
            text.AppendLine(Invariant($"| {Label(run.Name, documents)} | {run.RequestsPerSecond:0.0} | {Ms(run.P50Ms)} | {Ms(run.P99Ms)} | {Mb(run.PeakRssKiB)} | {ceiling} | {ratio} | {budget} |"));
        }

        foreach (var ceiling in new[] { results.Nginx, results.Disk }.OfType<WrkResult>())
        {
            text.AppendLine(Invariant($"| *ceiling:* {ceiling.Name} | {ceiling.RequestsPerSecond:0.0} | {Ms(ceiling.P50Ms)} | {Ms(ceiling.P99Ms)} | | | | |"));
        }

        text.AppendLine();
        text.AppendLine("| server | measured | budget |").AppendLine("| --- | ---: | --- |");
        if (server.FirstOkMs is { } first)
        {
            text.AppendLine(Invariant($"| first 200 (GET /login) after the process starts, fresh data folder | {first:0} ms | {Budget(first < 2000, "< 2 s")} |"));
        }

        if (server.IdleRssKiB is { } idle)
        {
            text.AppendLine(Invariant($"| idle RSS (started, first page served, 5 s quiet) | {Mb(idle)} | {Budget(idle * 1024 < 150_000_000, "< 150 MB")} |"));
        }

        if (server.BigUploadGrowthKiB is { } growth)
        {
            text.AppendLine(Invariant($"| RSS growth during one {server.BigUploadBytes / (1024 * 1024 * 1024.0):0.#} GiB upload (peak minus before) | {Mb(growth)} | {Budget(growth * 1024 < 50_000_000, "< 50 MB")} |"));
        }

        text.AppendLine(Invariant($"| peak RSS under load (all rows) | {Mb(results.Runs.Max(r => r.PeakRssKiB))} | |"));
        text.AppendLine(Invariant($"| uploads landed (rows, storage and files vs wrk's successes) | {(results.UploadProblem is null ? "all" : results.UploadProblem)} | every one |"));
        text.AppendLine();
        text.AppendLine(Invariant($"MB = 1,000,000 bytes. Machine: {Environment.ProcessorCount} cores, {MemoryGiB()} GiB memory, {RuntimeInformation.OSDescription}; .NET {Environment.Version}."));
        var loadAfter = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        text.AppendLine(Invariant($"Load average of the machine (1 min) before the run: {server.LoadBefore ?? "?"}, after: {loadAfter} — other work on the machine lowers every row; the ratios compare with ceilings measured under the same conditions."));
        text.AppendLine(Invariant($"Command: `{command}` — run on {DateTime.UtcNow:yyyy-MM-dd}."));
        return text.ToString();
    }

    /// <summary>Puts the section into the file, in place of an earlier "Load" section or at the end.</summary>
    public static async Task WriteIntoAsync(string path, string section)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmark results\n\n";
        var start = existing.IndexOf(Heading + "\n", StringComparison.Ordinal);
        if (start >= 0)
        {
            var next = existing.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            existing = existing[..start] + section + (next >= 0 ? existing[next..] : "");
        }
        else
        {
            existing = existing.TrimEnd() + "\n\n" + section;
        }

        await File.WriteAllTextAsync(path, existing);
    }

    private static (string Ceiling, string Ratio, string Budget) Ratio(WrkResult run, WrkResult? ceiling, string what, double budget)
    {
        if (ceiling is null || ceiling.RequestsPerSecond == 0)
        {
            return ("not measured", "", "");
        }

        var ratio = run.RequestsPerSecond / ceiling.RequestsPerSecond;
        return (Invariant($"{what}: {ceiling.RequestsPerSecond:0.0}/s"), Invariant($"{ratio:0%}"), Budget(ratio >= budget, Invariant($"≥ {budget:0%}")));
    }

    private static string Label(string name, int documents) => name switch
    {
        LoadRun.Documents => Invariant($"GET /documents (page of 50 of {documents:N0})"),
        LoadRun.Search => "GET /search?q= (one word, ~100 matches)",
        LoadRun.Download => "GET /files/{id} (1 MiB)",
        LoadRun.Upload => "POST /upload (100 KiB)",
        LoadRun.Login => "POST /login (password hash + new session)",
        LoadRun.ApiDocuments => "GET /api/documents (50 as JSON)",
        _ => name,
    };

    private static string Budget(bool met, string budget) => $"{budget}: {(met ? "**met**" : "**missed**")}";

    private static string Ms(double ms) => Invariant($"{ms:0.00} ms");

    private static string Mb(long kib) => kib == 0 ? "" : Invariant($"{kib * 1024 / 1e6:0.0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string MemoryGiB()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kib = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kib / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
    }
}
