using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// A deployment under test: its environment (database, files, Redis prefix) and the app instances
/// running on it. <c>await using var app = await TestApp.StartAsync(Backend.Sqlite);</c>
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly List<DocManagerFactory> _instances = [];
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    private TestApp(TestEnvironment environment, IReadOnlyDictionary<string, string?>? settings)
    {
        Environment = environment;
        _settings = settings;
    }

    public TestEnvironment Environment { get; }

    /// <summary>The instance most recently started.</summary>
    public DocManagerFactory Instance => _instances[^1];

    public FakeTimeProvider Clock => Instance.Clock;

    /// <param name="services">Changes to the first instance's services (a job kind of the test's own, say).</param>
    public static async Task<TestApp> StartAsync(
        Backend backend = Backend.Sqlite, IReadOnlyDictionary<string, string?>? settings = null, FileStoreKind store = FileStoreKind.FileSystem,
        Action<IServiceCollection>? services = null)
    {
        var app = new TestApp(await TestEnvironment.CreateAsync(backend, store), settings);
        app.StartInstance(services);
        return app;
    }

    /// <summary>
    /// Starts the app on an environment the test prepared itself (a database at an older schema, say);
    /// the app then owns it and disposes of it.
    /// </summary>
    public static async Task<TestApp> StartOnAsync(TestEnvironment environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new TestApp(environment, settings);
        try
        {
            app.StartInstance();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>
    /// Starts one more instance on the same database, files, keys and Redis; <paramref name="services"/>
    /// may change its services (to make it fail at a chosen moment, say).
    /// </summary>
    public DocManagerFactory StartInstance(Action<IServiceCollection>? services = null)
    {
        var instance = new DocManagerFactory(Environment, _settings, services);
        _ = instance.Server; // start it now, migrations included
        _instances.Add(instance);
        return instance;
    }

    /// <summary>Stops the current instance and starts a new one on the same state, like a process restart.</summary>
    public async Task<DocManagerFactory> RestartAsync()
    {
        var old = Instance;
        _instances.Remove(old);
        await old.DisposeAsync();
        return StartInstance();
    }

    public Browser CreateBrowser() => Instance.CreateBrowser();

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Environment.DisposeAsync();
    }
}
