using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The real app on the real Kestrel server, listening on a free loopback port, for what the
/// in-memory test server does not do: header size limits, the Server banner, HEAD without a body,
/// and real browsers (the browser tests link this file).
/// </summary>
public sealed class KestrelTestApp : IAsyncDisposable
{
    private readonly DocManagerFactory _factory;

    private KestrelTestApp(DocManagerFactory factory) => _factory = factory;

    /// <summary>Where the server listens: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    /// <summary>The instance's data folder (SQLite file, stored files).</summary>
    public string DataDirectory => _factory.Environment.DataDirectory;

    /// <summary>The instance's services, for what a test does beside the browser (running its background jobs, say).</summary>
    public IServiceProvider Services => _factory.Services;

    public static async Task<KestrelTestApp> StartAsync(Backend backend = Backend.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new DocManagerFactory(await TestEnvironment.CreateAsync(backend), settings);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new KestrelTestApp(factory);
    }

    /// <summary>A plain HTTP client that does not follow redirects or keep cookies.</summary>
    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = BaseAddress,
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _factory.Environment.DisposeAsync();
    }
}
