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
        text.AppendLine(Invariant($"MB = 1,000,000 bytes. {Machine()}"));
        text.AppendLine(Invariant($"Load average of the machine (1 min) before the run: {server.LoadBefore ?? "?"}, after: {LoadNow()} — other work on the machine lowers every row; the ratios compare with ceilings measured under the same conditions."));
        text.AppendLine(Invariant($"Command: `{command}` — run on {DateTime.UtcNow:yyyy-MM-dd}."));
        return text.ToString();
    }

    /// <summary>Puts the section into the file, in place of an earlier one of the same heading (its first line) or at the end.</summary>
    public static async Task WriteIntoAsync(string path, string section)
    {
        var heading = section[..section.IndexOf('\n', StringComparison.Ordinal)];
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmark results\n\n";
        var start = existing.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start >= 0)
        {
            var next = existing.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            existing = existing[..start] + section + (next >= 0 ? existing[next..] : "");
        }
        else
        {
            existing = existing.TrimEnd() + "\n\n" + section;
        }

        await File.WriteAllTextAsync(path, existing);
    }

    /// <summary>The "Previews" section: the wrk rows with their comparison, then the times to a preview and to OCR'd text.</summary>
    public static string PreviewSection(LoadOptions options, PreviewResults results, PreviewSession session, string? loadBefore, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(PreviewHeading).AppendLine();
        var sizes = session.ThumbnailBytes;
        text.AppendLine(Invariant($"Same server and settings as \"Load\": a Release build on the embedded default (SQLite, files in a local folder), plain HTTP on loopback, wrk with {options.Threads} threads and {options.Connections} connections in a second process on the same machine, {options.Duration.TotalSeconds:0} s per row: the two rows of each pair compared are measured in rounds A B B A of {options.Duration.TotalSeconds / 2:0} s (each after a warm-up) and each row's rounds merged, so load from other work that comes and goes falls on both alike. Seeded through the API: a user with {session.Documents:N0} documents — {session.Documents - session.Pdfs:N0} photographs (JPEG, 600 to 1,024 px a side) and {session.Pdfs:N0} one-page PDFs with a text layer — whose previews the server made in its background job (every one ready, and every text job finished, OCR of the photographs included, {session.PreparedSeconds:0} s after the first upload); a user with {session.Documents:N0} notes; and a user holding one file of the exact byte size of each of the {sizes.Count} thumbnails the first list page links to ({sizes.Min():N0} to {sizes.Max():N0} bytes, mean {sizes.Average():N0}). Each thumbnail and file row asks for its {sizes.Count} addresses in turn."));
        text.AppendLine();
        text.AppendLine("| operation | requests/s | p50 | p99 | notes |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        var thumbnails = results.Runs.FirstOrDefault(r => r.Name == PreviewRun.Thumbnails);
        var downloads = results.Runs.FirstOrDefault(r => r.Name == PreviewRun.SameSizeDownloads);
        var withThumbnails = results.Runs.FirstOrDefault(r => r.Name == PreviewRun.ListWithThumbnails);
        var notes = results.Runs.FirstOrDefault(r => r.Name == PreviewRun.ListOfNotes);
        foreach (var run in results.Runs)
        {
            var note = run.Name switch
            {
                PreviewRun.Thumbnails when downloads is { RequestsPerSecond: > 0 } =>
                    Invariant($"WebP; {run.RequestsPerSecond / downloads.RequestsPerSecond:0%} of the same-size downloads; goal ≥ 100%: {(run.RequestsPerSecond >= downloads.RequestsPerSecond ? "**met**" : "**missed**")}"),
                PreviewRun.SameSizeDownloads => "same bytes per response as the row above",
                PreviewRun.ListWithThumbnails when notes is { RequestsPerSecond: > 0 } =>
                    Invariant($"{run.RequestsPerSecond / notes.RequestsPerSecond:0%} of the notes page's rate; {run.Bytes / Math.Max(1, run.Requests):N0} bytes a page"),
                PreviewRun.ListOfNotes => Invariant($"{run.Bytes / Math.Max(1, run.Requests):N0} bytes a page"),
                _ => "",
            };
            if (run.StatusErrors + run.SocketErrors > 0)
            {
                note += Invariant($"; {run.StatusErrors} status errors, {run.SocketErrors} socket errors");
            }

            text.AppendLine(Invariant($"| {PreviewLabel(run.Name, session)} | {run.RequestsPerSecond:0.0} | {Ms(run.P50Ms)} | {Ms(run.P99Ms)} | {note} |"));
        }

        text.AppendLine();
        var runs = results.Times.Count == 0 ? 0 : results.Times.Max(t => t.Seconds.Count);
        text.AppendLine(Invariant($"| background work, on the running server | median of {runs} | fastest | slowest | notes |"));
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var time in results.Times)
        {
            var note = time.Name switch
            {
                PreviewRun.PdfPreview => "pdfinfo, pdftoppm (10 pages at 1,600 px wide, and the thumbnail), WebP encoding, stored",
                PreviewRun.PdfText => "the preview job first, then the text layer read by PdfPig (no OCR: the pages have text)",
                PreviewRun.ScanPreview => "2480 × 3508 px: thumbnail and a 1,600 px page image, by Skia in-process",
                PreviewRun.ScanText => Invariant($"the preview job first, then tesseract (one thread) on the page; OCR alone ≈ {OcrAlone(results.Times):0.00} s (median of text ready minus preview ready)"),
                _ => "",
            };
            text.AppendLine(Invariant($"| {time.Name} | {time.Median:0.00} s | {time.Seconds.Min():0.00} s | {time.Seconds.Max():0.00} s | {note} |"));
        }

        text.AppendLine();
        text.AppendLine("Times are wall-clock seconds from the upload's `201` to the first `GET /api/documents/{id}` (polled every 50 ms) that shows `preview.status` or `text.status` ready: they include picking the job up (the runner is woken when the upload commits), the job's own work, storing its result, and up to 50 ms of polling. One upload at a time, on a server doing nothing else; its two jobs run one after the other, the preview first.");
        text.AppendLine();
        text.AppendLine(Invariant($"{Machine()}"));
        text.AppendLine(Invariant($"Load average of the machine (1 min) before the run: {loadBefore ?? "?"}, after: {LoadNow()} — other agents build and test on the same two cores meanwhile; rows measured back to back compare under the same conditions, absolute figures are lower than on a quiet machine."));
        text.AppendLine(Invariant($"Command: `{command}` — run on {DateTime.UtcNow:yyyy-MM-dd}."));
        return text.ToString();
    }

    public const string PreviewHeading = "## Previews";

    private static double OcrAlone(IReadOnlyList<PreviewTimes> times)
    {
        var preview = times.FirstOrDefault(t => t.Name == PreviewRun.ScanPreview);
        var text = times.FirstOrDefault(t => t.Name == PreviewRun.ScanText);
        return preview is null || text is null
            ? 0
            : new PreviewTimes("", [.. text.Seconds.Zip(preview.Seconds, (t, p) => t - p)]).Median;
    }

    private static string PreviewLabel(string name, PreviewSession session) => name switch
    {
        PreviewRun.Thumbnails => Invariant($"GET /documents/{{id}}/thumbnail?v=… (the {session.ThumbnailPaths.Count} of the first list page)"),
        PreviewRun.SameSizeDownloads => Invariant($"GET /files/{{id}} ({session.SameSizePaths.Count} files of the thumbnails' sizes)"),
        PreviewRun.ListWithThumbnails => Invariant($"GET /documents?pageSize=50: 50 cards with thumbnails, of {session.Documents:N0}"),
        PreviewRun.ListOfNotes => Invariant($"GET /documents?pageSize=50: 50 notes (no thumbnails), of {session.Documents:N0}"),
        _ => name,
    };

    private static string Machine() =>
        Invariant($"Machine: {Environment.ProcessorCount} cores, {MemoryGiB()} GiB memory, {RuntimeInformation.OSDescription}; .NET {Environment.Version}.");

    private static string LoadNow() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

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
