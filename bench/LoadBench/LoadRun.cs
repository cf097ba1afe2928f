namespace DocManager.Bench.Load;

/// <summary>How hard and how long to drive the app, and where the ceilings are measured.</summary>
public sealed record LoadOptions(
    Uri Url,
    string WrkDirectory,
    TimeSpan Duration,
    int Connections = 64,
    int Threads = 2,
    int UploadBytes = 100 * 1024,
    int? ServerPid = null,
    string? DataDirectory = null,
    Uri? StaticUrl = null,
    string? DiskDirectory = null);

/// <summary>Everything one run measured; the server's own figures (start, idle, big upload) come from bench/load.sh.</summary>
public sealed record LoadResults(IReadOnlyList<WrkResult> Runs, WrkResult? Nginx, WrkResult? Disk, string? UploadProblem);

/// <summary>The operations users do most, one wrk run each, then the two ceilings on the same machine.</summary>
public static class LoadRun
{
    public const string Documents = "GET /documents";
    public const string Search = "GET /search";
    public const string Download = "GET /files/{id}";
    public const string Upload = "POST /upload";
    public const string Login = "POST /login";
    public const string ApiDocuments = "GET /api/documents";

    public static async Task<LoadResults> RunAsync(LoadOptions options, BenchSession session, TextWriter log, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(session.Environment())
        {
            ["BENCH_UPLOAD_BYTES"] = options.UploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        Task<WrkResult> Wrk(string name, string script, Uri? url = null, IReadOnlyDictionary<string, string>? env = null) =>
            MeasureAsync(options, name, script, env ?? environment, url, log, cancellationToken);

        var runs = new List<WrkResult>
        {
            await Wrk(Documents, "documents.lua"),
            await Wrk(Search, "search.lua"),
            await Wrk(Download, "download.lua"),
            // Before the upload row, which adds thousands of documents to the same user's list.
            await Wrk(ApiDocuments, "api-documents.lua"),
        };

        var warmUp = WarmUp(options);
        var uploadScript = Path.Combine(options.WrkDirectory, "upload.lua");
        await WrkRun.RunAsync(Upload + " (warm-up)", uploadScript, options.Url, warmUp, options.Connections, options.Threads, environment, null, TextWriter.Null, cancellationToken);
        await Settle(options.ServerPid, cancellationToken);
        var before = await UploadCheck.TakeAsync(options.Url, session, options.DataDirectory, cancellationToken);
        var upload = await WrkRun.RunAsync(Upload, uploadScript, options.Url, options.Duration,
            options.Connections, options.Threads, environment, options.ServerPid, log, cancellationToken);
        var after = await UploadCheck.TakeAsync(options.Url, session, options.DataDirectory, cancellationToken);
        var problem = UploadCheck.Verify(before, after, upload, options.Connections, options.UploadBytes, options.DataDirectory);
        log.WriteLine(problem is null
            ? $"uploads: wrk counted {upload.Succeeded} successes, {after.Documents - before.Documents} documents and files landed, staging empty"
            : $"UPLOADS DID NOT ALL LAND: {problem}");
        runs.Add(upload);

        runs.Add(await Wrk(Login, "login.lua"));

        WrkResult? nginx = null;
        if (options.StaticUrl is { } staticUrl)
        {
            var staticEnvironment = new Dictionary<string, string>(environment) { ["BENCH_STATIC_PATH"] = staticUrl.AbsolutePath };
            nginx = (await Wrk("nginx static 1 MiB", "download.lua", staticUrl, staticEnvironment)) with { PeakRssKiB = 0 };
        }

        var disk = options.DiskDirectory is null
            ? null
            : DiskCeiling.Measure(options.DiskDirectory, options.Connections, options.UploadBytes, options.Duration, log);
        return new LoadResults(runs, nginx, disk, problem);
    }

    /// <summary>
    /// One row: a short unrecorded warm-up with the same script (JIT, caches, pools), then the measured run,
    /// each started only once the server has finished what the previous run left it doing. A run against
    /// another server (<paramref name="url"/>, a ceiling) does not sample the app's memory.
    /// </summary>
    public static async Task<WrkResult> MeasureAsync(LoadOptions options, string name, string script, IReadOnlyDictionary<string, string> environment,
        Uri? url, TextWriter log, CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.WrkDirectory, script);
        await Settle(options.ServerPid, cancellationToken);
        await WrkRun.RunAsync(name + " (warm-up)", path, url ?? options.Url, WarmUp(options), options.Connections, options.Threads, environment, null, TextWriter.Null, cancellationToken);
        await Settle(options.ServerPid, cancellationToken);
        return await WrkRun.RunAsync(name, path, url ?? options.Url, options.Duration,
            options.Connections, options.Threads, environment, url is null ? options.ServerPid : null, log, cancellationToken);
    }

    private static TimeSpan WarmUp(LoadOptions options) => TimeSpan.FromSeconds(Math.Clamp(options.Duration.TotalSeconds / 4, 1, 5));

    /// <summary>
    /// Waits (up to 15 s) until the server uses under a tenth of a core: requests wrk abandoned when it
    /// stopped (a queue of sign-ins, say) would otherwise be measured as part of the next row.
    /// </summary>
    private static async Task Settle(int? pid, CancellationToken cancellationToken)
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat"))
        {
            return;
        }

        static long CpuTicks(int id)
        {
            var fields = File.ReadAllText($"/proc/{id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < 60; i++)
        {
            var before = CpuTicks(id);
            await Task.Delay(250, cancellationToken);
            // Clock ticks are 1/100 s: under 10% of one core is at most 2 ticks in 250 ms.
            if (CpuTicks(id) - before <= 2)
            {
                return;
            }
        }
    }
}
