using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// One app instance as a real process: the built DocManager.dll (copied beside the tests by the
/// project reference) started with `dotnet`, listening on a free loopback port that Kestrel picks and
/// logs. Settings go in as environment variables (`Section__Key`), which keeps connection strings out
/// of process listings.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;

    private AppProcess(string name, ChildProcess process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The instance's name, which it sends back in `X-Instance`.</summary>
    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    /// <summary>The app's own process id (`dotnet DocManager.dll` runs the app in the process it starts).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Starts the app, with <paramref name="command"/> (say `worker`) before the settings when given.</summary>
    public static async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, string workingDirectory, string? command = null)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocManager.dll"));
        if (command is not null)
        {
            start.ArgumentList.Add(command);
        }

        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        // Only what the test chooses: nothing inherited from the test host's own ASP.NET settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hosting__InstanceName"] = name;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(start);
        process.Line += line =>
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        // A line logged before the handler was attached is still in the output.
        if (ListeningOn().Match(process.Output) is { Success: true } early)
        {
            listening.TrySetResult(new Uri(early.Groups[1].Value));
        }

        var exited = process.WaitForExitAsync(CancellationToken.None);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first != listening.Task)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"App instance {name} did not start ({(first == exited ? "it exited" : "timed out")}). Its output:\n{process.Output}");
        }

        var app = new AppProcess(name, process, await listening.Task);
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>SIGKILL, as when the machine under an instance fails.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // not answering yet
            }

            if (DateTime.UtcNow >= deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"App instance {Name} never became healthy. Its output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
