using System.Globalization;

namespace DocManager.Bench.Load;

/// <summary>
/// The peak resident memory of a process while this object lives: the kernel's own high-water mark
/// (VmHWM, reset through clear_refs at the start) and, where that cannot be reset, VmRSS sampled
/// every 50 ms.
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly int _pid;
    private readonly Timer _timer;
    private long _peak;

    public RssSampler(int pid)
    {
        _pid = pid;
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not ours to reset: the samples below still see the peak, at 50 ms resolution.
        }

        _peak = Read(pid, "VmRSS:");
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public long PeakKiB
    {
        get
        {
            Sample();
            return Math.Max(Interlocked.Read(ref _peak), Read(_pid, "VmHWM:"));
        }
    }

    /// <summary>A field of /proc/PID/status in KiB (0 when the process is gone).</summary>
    public static long Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Sample()
    {
        var now = Read(_pid, "VmRSS:");
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
