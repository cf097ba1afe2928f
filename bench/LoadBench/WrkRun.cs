using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DocManager.Bench.Load;

/// <summary>The figures of one wrk run, as its Lua `done()` printed them, plus the server's peak RSS meanwhile.</summary>
public sealed record WrkResult(
    string Name, long Requests, double Seconds, long Bytes, long StatusErrors, long SocketErrors,
    double P50Ms, double P99Ms, long PeakRssKiB)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Responses with a status under 400 (wrk counts 4xx and 5xx as errors).</summary>
    public long Succeeded => Requests - StatusErrors;
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
            sampler?.PeakKiB ?? 0);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {result.RequestsPerSecond,10:0.0} req/s  p50 {result.P50Ms,8:0.00} ms  p99 {result.P99Ms,8:0.00} ms  {result.StatusErrors} status errors, {result.SocketErrors} socket errors"));
        return result;
    }
}
