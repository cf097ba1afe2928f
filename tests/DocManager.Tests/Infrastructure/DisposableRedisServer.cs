using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A Redis server of one test's own, on a free loopback port in a temporary folder, that the test
/// may stop and start again without disturbing any other test. Its data is kept across a restart
/// (append-only file, written through on every command), as a production Redis with persistence
/// keeps sessions; so a user signed in before the outage is still signed in after it.
/// </summary>
public sealed class DisposableRedisServer : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "docmanager-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    private DisposableRedisServer() => Port = Processes.FreePort();

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string for `ConnectionStrings:Redis`.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<DisposableRedisServer> StartAsync()
    {
        var server = new DisposableRedisServer();
        Directory.CreateDirectory(server._folder);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Kills the server at once, as a crash or an out-of-memory kill would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing answers, as with a hung host.</summary>
    public Task PauseAsync() => Signal("-STOP");

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public Task ResumeAsync() => Signal("-CONT");

    /// <summary>Starts the server (again) on the same port and folder, with the data it had.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dir", _folder, "--save", "", "--appendonly", "yes", "--appendfsync", "always",
            "--daemonize", "no", "--logfile", Path.Combine(_folder, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server could not be started (is Redis installed? ./test.sh installs it)");
        await Processes.WaitUntilAsync($"Redis on port {Port}", TimeSpan.FromSeconds(10), AnswersPingAsync);
    }

    /// <summary>True when the server answers PING (not LOADING): it is up with its data read back in.</summary>
    public async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Task Signal(string signal) =>
        Processes.RunAsync("kill", signal, (_process ?? throw new InvalidOperationException("Redis is not running")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await ResumeAsync(); // a paused process would not die of SIGKILL until resumed on some systems
        }

        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the rest of the temporary folder.
        }
    }
}
