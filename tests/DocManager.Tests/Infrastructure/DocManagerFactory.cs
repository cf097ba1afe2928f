using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// One running instance of the real app, in-process, on a <see cref="TestEnvironment"/>'s real
/// SQLite file or PostgreSQL database and Redis. Its clock starts at the real time and moves only
/// when a test advances it.
/// </summary>
public sealed class DocManagerFactory(
    TestEnvironment environment, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public TestEnvironment Environment { get; } = environment;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;

    /// <summary>A browser with its own cookie jar, talking HTTPS to this instance.</summary>
    public Browser CreateBrowser() => new(this);

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="work"/> with a service from a fresh DI scope (a DbContext, say).</summary>
    public async Task<TResult> WithScopeAsync<T, TResult>(Func<T, Task<TResult>> work) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Environment.Settings())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(collection);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(new TestOutputLoggerProvider(_output)));
    }
}
