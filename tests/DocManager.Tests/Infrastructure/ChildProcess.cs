using System.Collections.Concurrent;
using System.Diagnostics;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A real process a test starts (an app instance, nginx), with its output kept for diagnosis. It is
/// killed when disposed, and also if the test host itself dies first: a small shell watchdog, which
/// outlives the test host, kills it then, so no instance or balancer is ever left running.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far (standard output and error, interleaved).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Raised for every line the process writes.</summary>
    public event Action<string>? Line;

    public static ChildProcess Start(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = false;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        StartWatchdog(process.Id);
        return child;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything, as when a machine fails.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
            // keep the most recent lines only
        }

        Line?.Invoke(line);
    }

    // Polls once a second: exits with the child, and kills the child if the test host goes away.
    private static void StartWatchdog(int childId)
    {
        var watchdog = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        watchdog.ArgumentList.Add("-c");
        watchdog.ArgumentList.Add("""while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill -9 "$2" 2>/dev/null; exit 0""");
        watchdog.ArgumentList.Add("docmanager-test-watchdog");
        watchdog.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        watchdog.ArgumentList.Add(childId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var started = Process.Start(watchdog);
    }
}
