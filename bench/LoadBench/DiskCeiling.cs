using System.Diagnostics;

namespace DocManager.Bench.Load;

/// <summary>
/// The upload ceiling: what the disk itself allows. 64 writers (one thread each, as fsync blocks),
/// each in a loop creating a new file, writing the same number of bytes as an upload and fsyncing it
/// — the part of an upload that must reach the disk before the app answers. Nothing else: no
/// parsing, no hashing, no database.
/// </summary>
public static class DiskCeiling
{
    public static WrkResult Measure(string directory, int writers, int size, TimeSpan duration, TextWriter log)
    {
        var folder = Path.Combine(directory, "disk-ceiling");
        Directory.CreateDirectory(folder);
        var payload = Seeder.Png(size);
        var latencies = new List<double>[writers];
        var stop = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, writers).Select(w =>
        {
            latencies[w] = [];
            var thread = new Thread(() =>
            {
                var n = 0;
                while (stop.Elapsed < duration)
                {
                    var started = Stopwatch.GetTimestamp();
                    using (var file = new FileStream(Path.Combine(folder, $"{w}-{n++}.png"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
                    {
                        file.Write(payload);
                        file.Flush(flushToDisk: true);
                    }

                    latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            });
            thread.Start();
            return thread;
        }).ToList();
        threads.ForEach(t => t.Join());
        var seconds = stop.Elapsed.TotalSeconds;
        Directory.Delete(folder, recursive: true);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var result = new WrkResult("disk write+fsync", all.Length, seconds, (long)all.Length * size, 0, 0,
            Percentile(all, 0.50), Percentile(all, 0.99), 0);
        log.WriteLine($"{result.Name,-22} {result.RequestsPerSecond,10:0.0} writes/s  p50 {result.P50Ms,8:0.00} ms  p99 {result.P99Ms,8:0.00} ms");
        return result;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
