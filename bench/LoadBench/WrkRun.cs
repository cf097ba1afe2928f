using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DocManager.Bench.Load;

/// <summary>
/// The figures of one wrk run, as its Lua `done()` printed them, plus the server's peak RSS meanwhile;
/// <paramref name="QuantilesMs"/> is the latency at each of <see cref="WrkResult.Grid"/>'s percentiles.
/// </summary>
public sealed record WrkResult(
    string Name, long Requests, double Seconds, long Bytes, long StatusErrors, long SocketErrors,
    double P50Ms, double P99Ms, long PeakRssKiB, IReadOnlyList<double>? QuantilesMs = null)
{
    /// <summary>The percentiles bench/wrk/common.lua reports the latency at.</summary>
    public static readonly IReadOnlyList<double> Grid = [.. Enumerable.Range(1, 99).Select(p => (double)p), 99.5, 99.9, 100];

    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Responses with a status under 400 (wrk counts 4xx and 5xx as errors).</summary>
    public long Succeeded => Requests - StatusErrors;

    /// <summary>
    /// Runs of the same operation (rounds of one row) as one: counts and times added, and the latency
    /// percentiles of their distributions mixed in proportion to their requests, each read off its grid
    /// (every percentile to 99, then 99.5, 99.9, 100) and interpolated between its points.
    /// </summary>
    public static WrkResult Merge(string name, IReadOnlyList<WrkResult> rounds)
    {
        var requests = rounds.Sum(r => r.Requests);
        var latencies = rounds.SelectMany(r => r.QuantilesMs ?? throw new InvalidOperationException($"{r.Name} has no latency quantiles")).Order().ToList();

        // The share of all requests answered within `ms`: each round's share read off its grid, weighted by its requests.
        double Within(double ms) => rounds.Sum(r => r.Requests * ShareWithin(r.QuantilesMs!, ms)) / Math.Max(1, requests);
        double Percentile(double p) => latencies.FirstOrDefault(ms => Within(ms) >= (p / 100) - 1e-9, latencies.LastOrDefault());

        return new WrkResult(name, requests, rounds.Sum(r => r.Seconds), rounds.Sum(r => r.Bytes),
            rounds.Sum(r => r.StatusErrors), rounds.Sum(r => r.SocketErrors), Percentile(50), Percentile(99), rounds.Max(r => r.PeakRssKiB));
    }

    /// <summary>The share of a round's requests answered within <paramref name="ms"/>, interpolated between its grid's percentiles (which never decrease).</summary>
    private static double ShareWithin(IReadOnlyList<double> quantiles, double ms)
    {
        if (ms < quantiles[0])
        {
            return 0;
        }

        for (var i = 1; i < quantiles.Count; i++)
        {
            if (ms < quantiles[i])
            {
                var step = (ms - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1]);
                return (Grid[i - 1] + (step * (Grid[i] - Grid[i - 1]))) / 100;
            }
        }

        return 1;
    }
}

/// <summary>Runs wrk (a second process) with one of the bench/wrk Lua scripts.</summary>
public static class WrkRun
{
    private const string Marker = "BENCH-RESULT ";

    public static async Task<WrkResult> RunAsync(
        string name, string script, Uri url, TimeSpan duration, int connections, int threads,
        IReadOnlyDictionary<string, string> environment, int? serverPid, TextWriter log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
            // Sign-ins hash a password on purpose; a slow answer is still an answer, not a timeout.
            "--timeout", "30s",
            "-s", script,
            url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var sampler = serverPid is { } pid ? new RssSampler(pid) : null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk {name} failed (exit {process.ExitCode}): {output} {await stderr}");
        }

        var json = JsonDocument.Parse(line[Marker.Length..]).RootElement;
        long Get(string property) => json.GetProperty(property).GetInt64();
        var result = new WrkResult(
            name,
            Get("requests"),
            Get("duration_us") / 1e6,
            Get("bytes"),
            Get("status_errors"),
            Get("connect_errors") + Get("read_errors") + Get("write_errors") + Get("timeouts"),
            Get("p50_us") / 1000.0,
            Get("p99_us") / 1000.0,
            sampler?.PeakKiB ?? 0,
            json.TryGetProperty("quantiles_us", out var quantiles) ? [.. quantiles.EnumerateArray().Select(q => q.GetInt64() / 1000.0)] : null);
        Log(result, log);
        return result;
    }

    public static void Log(WrkResult result, TextWriter log) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Name,-22} {result.RequestsPerSecond,10:0.0} req/s  p50 {result.P50Ms,8:0.00} ms  p99 {result.P99Ms,8:0.00} ms  {result.StatusErrors} status errors, {result.SocketErrors} socket errors"));
}
