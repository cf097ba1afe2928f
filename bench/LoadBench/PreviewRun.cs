using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace DocManager.Bench.Load;

/// <summary>
/// Wall times of one kind of background work, measured over HTTP: from the upload's response to the
/// first poll of `GET /api/documents/{id}` (every 50 ms) that shows it ready.
/// </summary>
public sealed record PreviewTimes(string Name, IReadOnlyList<double> Seconds)
{
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}

/// <summary>The preview rows of one run: wrk runs, then the times to a preview and to OCR'd text.</summary>
public sealed record PreviewResults(IReadOnlyList<WrkResult> Runs, IReadOnlyList<PreviewTimes> Times);

/// <summary>
/// The preview rows (SPEC §8): thumbnails served beside downloads of files of the same sizes, the list
/// page with and without thumbnails, then how long the running server takes to make a 10-page PDF's
/// previews and to read an A4 scan with OCR.
/// </summary>
public static class PreviewRun
{
    public const string Thumbnails = "GET /documents/{id}/thumbnail";
    public const string SameSizeDownloads = "GET /files/{id} (thumbnail sizes)";
    public const string ListWithThumbnails = "GET /documents?pageSize=50 (thumbnails)";
    public const string ListOfNotes = "GET /documents?pageSize=50 (notes)";

    public const string PdfPreview = "10-page PDF: preview ready";
    public const string PdfText = "10-page PDF: text ready (text layer)";
    public const string ScanPreview = "A4 scan (PNG, 300 dpi): preview ready";
    public const string ScanText = "A4 scan (PNG, 300 dpi): text ready (OCR)";

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    public static async Task<PreviewResults> RunAsync(LoadOptions options, PreviewSession session, int timedRuns, TextWriter log, CancellationToken cancellationToken)
    {
        const string List = "/documents?pageSize=50";
        var (thumbnails, downloads) = await PairAsync(options,
            new(Thumbnails, session.ThumbnailCookies, session.ThumbnailPaths),
            new(SameSizeDownloads, session.SameSizeCookies, session.SameSizePaths), log, cancellationToken);
        var (withThumbnails, notes) = await PairAsync(options,
            new(ListWithThumbnails, session.ThumbnailCookies, [List]),
            new(ListOfNotes, session.NotesCookies, [List]), log, cancellationToken);
        var runs = new List<WrkResult> { thumbnails, downloads, withThumbnails, notes };

        var times = await TimeBackgroundWorkAsync(options.Url, timedRuns, log, cancellationToken);
        return new PreviewResults(runs, times);
    }

    /// <summary>One row: what paths.lua asks for, as whom.</summary>
    private sealed record Row(string Name, string Cookies, IReadOnlyList<string> Paths);

    /// <summary>
    /// Two rows to compare, measured in rounds A B B A of half the row's time each and merged: on a machine
    /// shared with other work, load that comes and goes then falls on both alike, where two rows run one
    /// after the other were seen to differ by half from that alone.
    /// </summary>
    private static async Task<(WrkResult A, WrkResult B)> PairAsync(LoadOptions options, Row a, Row b, TextWriter log, CancellationToken cancellationToken)
    {
        var round = options with { Duration = options.Duration / 2 };
        Task<WrkResult> Measure(Row row, int number) =>
            LoadRun.MeasureAsync(round, $"{row.Name} (round {number})", "paths.lua",
                new Dictionary<string, string> { ["BENCH_COOKIES"] = row.Cookies, ["BENCH_PATHS"] = string.Join(' ', row.Paths) },
                url: null, log, cancellationToken);

        var a1 = await Measure(a, 1);
        var b1 = await Measure(b, 1);
        var b2 = await Measure(b, 2);
        var a2 = await Measure(a, 2);
        var merged = (WrkResult.Merge(a.Name, [a1, a2]), WrkResult.Merge(b.Name, [b1, b2]));
        WrkRun.Log(merged.Item1, log);
        WrkRun.Log(merged.Item2, log);
        return merged;
    }

    /// <summary>
    /// Uploads a 10-page PDF with a text layer, then an A4 page of printed text as a 300 dpi PNG, each
    /// <paramref name="runs"/> times one after another (a new user's, so no list above changes), and times
    /// each until its preview and its text are ready. The server's jobs run one at a time in upload order,
    /// so each upload waits for nothing but its own two jobs, preview first.
    /// </summary>
    private static async Task<IReadOnlyList<PreviewTimes>> TimeBackgroundWorkAsync(Uri baseAddress, int runs, TextWriter log, CancellationToken cancellationToken)
    {
        var words = Seeder.Words();
        var (client, _, token) = await Seeder.RegisterAsync(baseAddress, "timing", cancellationToken);
        using var _ = client;
        var times = new Dictionary<string, List<double>> { [PdfPreview] = [], [PdfText] = [], [ScanPreview] = [], [ScanText] = [] };
        for (var run = 1; run <= runs; run++)
        {
            var (preview, text) = await TimeAsync(client, token, $"ten-pages-{run}.pdf", SampleFiles.Pdf(10, 1000 + run, words), "application/pdf",
                state => state.PreviewPages == 10 && state.TextSource == "file", cancellationToken);
            times[PdfPreview].Add(preview);
            times[PdfText].Add(text);
        }

        for (var run = 1; run <= runs; run++)
        {
            var (preview, text) = await TimeAsync(client, token, $"scan-{run}.png", SampleFiles.PrintedPage(2000 + run, words), "image/png",
                state => state.PreviewPages == 1 && state.TextSource == "ocr", cancellationToken);
            times[ScanPreview].Add(preview);
            times[ScanText].Add(text);
        }

        var results = times.Select(t => new PreviewTimes(t.Key, t.Value)).ToList();
        foreach (var result in results)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Name,-44} median {result.Median:0.00} s  ({string.Join(", ", result.Seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))})"));
        }

        return results;
    }

    /// <summary>Seconds from the upload's response to the preview being ready, and to the text being ready.</summary>
    private static async Task<(double Preview, double Text)> TimeAsync(SiteClient client, string token, string name, byte[] bytes, string contentType,
        Func<DocumentState, bool> expected, CancellationToken cancellationToken)
    {
        var id = await Seeder.UploadAsync(client, token, name, bytes, contentType, cancellationToken);
        var watch = Stopwatch.StartNew();
        double? preview = null, text = null;
        DocumentState state;
        do
        {
            await Task.Delay(PollEvery, cancellationToken);
            var polled = watch.Elapsed.TotalSeconds;
            state = await DocumentState.GetAsync(client, id, cancellationToken);
            if (state.PreviewStatus == "ready")
            {
                preview ??= polled;
            }

            if (state.TextStatus == "ready")
            {
                text ??= polled;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{name}: not done after 5 minutes: {state}");
            }
        }
        while (!state.Settled);

        if (preview is null || text is null || !expected(state))
        {
            throw new InvalidOperationException($"{name}: ended {state}, not as expected");
        }

        return (preview.Value, text.Value);
    }
}
