using System.Globalization;
using Npgsql;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb on a free loopback port in a temporary folder, no
/// fsync), which the test may stop and start again without disturbing the server every other test
/// shares. As root its binaries run as the `postgres` user, as scripts/services.sh runs them.
/// </summary>
public sealed class DisposablePostgresCluster : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "docmanager-pg-" + Guid.NewGuid().ToString("N"));
    private readonly string _bin = Binaries();
    private bool _running;

    private DisposablePostgresCluster() => Port = Processes.FreePort();

    public int Port { get; }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>The connection string for `ConnectionStrings:Postgres`: the cluster's own `postgres` database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
    }.ConnectionString;

    public static async Task<DisposablePostgresCluster> StartAsync()
    {
        var cluster = new DisposablePostgresCluster();
        Directory.CreateDirectory(cluster.Data);
        if (Processes.IsRoot)
        {
            await Processes.RunAsync("chown", "-R", "postgres:postgres", cluster._folder);
        }

        await cluster.RunPgAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>Stops the server as an administrator's restart does ("fast": open connections are cut).</summary>
    public async Task StopAsync()
    {
        if (_running)
        {
            await RunPgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");
            _running = false;
        }
    }

    /// <summary>Starts the server (again) on the same port, with the data it had.</summary>
    public async Task StartAgainAsync()
    {
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunPgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-o", settings, "start");
        _running = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await RunPgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
            _running = false;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the rest of the temporary folder.
        }
    }

    // PostgreSQL refuses to run as root.
    private Task RunPgAsync(string program, params string[] arguments) => Processes.IsRoot
        ? Processes.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
        : Processes.RunAsync(Path.Combine(_bin, program), arguments);

    /// <summary>The newest installed PostgreSQL's programs (Debian keeps them out of PATH).</summary>
    private static string Binaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var version) ? version : 0).LastOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("PostgreSQL is not installed under /usr/lib/postgresql: run ./test.sh, which installs it.");
    }
}
