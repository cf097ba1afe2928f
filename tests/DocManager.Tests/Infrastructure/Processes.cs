using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DocManager.Tests.Infrastructure;

/// <summary>Runs the programs the fault tests need (redis-server, pg_ctl, mount) and finds free ports for them.</summary>
public static class Processes
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a program to its end and fails, with its output, when it does not exit with 0.</summary>
    public static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <paramref name="ready"/> holds, failing after <paramref name="limit"/>; the failure
    /// ends with <paramref name="lastSeen"/>, what the last try found, so it says why rather than only when.
    /// </summary>
    public static async Task WaitUntilAsync(string what, TimeSpan limit, Func<Task<bool>> ready, Func<string>? lastSeen = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await ready())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0} s" + (lastSeen is null ? "" : $"; last seen: {lastSeen()}"));
            }

            await Task.Delay(100);
        }
    }
}
