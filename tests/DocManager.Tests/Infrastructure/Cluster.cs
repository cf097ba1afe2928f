using System.Net;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A scaled-out deployment on this machine, for one test class: app instances as real processes
/// (a, b, c…) sharing a PostgreSQL database of their own, a Redis key prefix of their own and one
/// files folder, behind a throwaway nginx balancing round-robin. Each instance has its own data
/// directory, so anything kept there instead of in the shared services would show up as a failure.
/// Everything listens on 127.0.0.1 and everything is killed when the class is done.
/// </summary>
public class Cluster : IAsyncLifetime
{
    private readonly List<AppProcess> _started = [];
    private readonly List<AppProcess> _instances = [];
    private TestEnvironment? _environment;

    /// <summary>How many instances stand behind the balancer.</summary>
    protected virtual int InstanceCount => 3;

    /// <summary>Settings of the instances behind the balancer beyond the shared ones (a role, say).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? BalancedInstanceSettings => null;

    public TestEnvironment Environment => _environment ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The instances behind the balancer.</summary>
    public IReadOnlyList<AppProcess> Instances => _instances;

    public NginxProcess Balancer { get; private set; } = null!;

    public string FilesRoot => Path.Combine(Environment.DataDirectory, "files");

    public AppProcess Instance(string name) => _started.Single(i => i.Name == name);

    public async ValueTask InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(Backend.PostgresRedis);
        try
        {
            // The first instance migrates the empty database; the others then start side by side.
            _instances.Add(await StartInstanceAsync(Name(0), BalancedInstanceSettings));
            _instances.AddRange(await Task.WhenAll(Enumerable.Range(1, InstanceCount - 1).Select(i => StartInstanceAsync(Name(i), BalancedInstanceSettings))));
            Balancer = await NginxProcess.StartAsync(_instances.Select(i => i.BaseAddress), Path.Combine(Environment.DataDirectory, "nginx"));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts an instance on the shared state (one started later is not behind the balancer), with extra
    /// settings, and with a command such as `worker` when given.
    /// </summary>
    public async Task<AppProcess> StartInstanceAsync(string name, IReadOnlyDictionary<string, string?>? overrides = null, string? command = null)
    {
        var settings = Environment.Settings();
        settings["DataDirectory"] = Path.Combine(Environment.DataDirectory, "instance-" + name);
        settings["Storage:Root"] = FilesRoot;
        // The balancer talks plain HTTP on loopback; it is the proxy whose forwarded headers count.
        settings["Security:SecureCookies"] = "false";
        settings["ForwardedHeaders:KnownProxies"] = "127.0.0.1";
        settings["Jobs:PollInterval"] = "00:00:01";
        settings["Notifications:Heartbeat"] = "00:00:02";
        // The integrity check runs when a test asks for it, not in the middle of another one.
        settings["Integrity:FirstRunAfter"] = "1.00:00:00";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var instance = await AppProcess.StartAsync(name, settings, settings["DataDirectory"]!, command);
        lock (_started)
        {
            _started.Add(instance);
        }

        return instance;
    }

    /// <summary>A browser talking to the balancer (or to <paramref name="server"/> directly), from 127.0.0.1 unless told otherwise.</summary>
    public Browser Browser(Uri? server = null, CookieContainer? cookies = null, IPAddress? clientAddress = null) =>
        new(server ?? Balancer.BaseAddress, cookies, clientAddress);

    public async ValueTask DisposeAsync()
    {
        if (Balancer is not null)
        {
            await Balancer.DisposeAsync();
        }

        foreach (var instance in _started)
        {
            await instance.DisposeAsync();
        }

        if (_environment is not null)
        {
            await _environment.DisposeAsync();
            _environment = null;
        }

        GC.SuppressFinalize(this);
    }

    private static string Name(int index) => ((char)('a' + index)).ToString();
}
