using DocManager.Jobs;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a fresh SQLite database and file folder of its own) and the shared
/// Chromium, in which each <see cref="Visitor"/> is a person with their own browser context.
/// <c>await using var site = await Site.StartAsync(chromium);</c>
/// </summary>
public sealed class Site : IAsyncDisposable
{
    private readonly KestrelTestApp _app;
    private readonly Chromium _chromium;
    private readonly List<Visitor> _visitors = [];

    private Site(KestrelTestApp app, Chromium chromium)
    {
        _app = app;
        _chromium = chromium;
        // Kestrel listens on 127.0.0.1; the browser goes to http://localhost, which browsers treat as
        // a secure context, so the session cookie keeps its default `Secure` flag and is still sent.
        BaseAddress = new UriBuilder(app.BaseAddress) { Host = "localhost" }.Uri;
    }

    /// <summary><c>http://localhost:PORT/</c></summary>
    public Uri BaseAddress { get; }

    /// <param name="settings">Settings of the app's own (`Instance:Role=web` keeps its background jobs waiting for <see cref="RunDueJobsAsync"/>).</param>
    public static async Task<Site> StartAsync(Chromium chromium, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await KestrelTestApp.StartAsync(Backend.Sqlite, settings), chromium);

    /// <summary>
    /// Runs the background jobs that are due now (making previews, reading text), here and now, as a
    /// worker of this app would: for a site started with `Instance:Role=web`, whose jobs wait for the test.
    /// Answers how many ran.
    /// </summary>
    public async Task<int> RunDueJobsAsync()
    {
        using var runner = ActivatorUtilities.CreateInstance<JobRunner>(_app.Services);
        return await runner.RunDueAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A new person at a new browser window: no cookies, nothing stored.</summary>
    /// <param name="javaScript">false to browse as with scripts turned off: every page must work through plain forms.</param>
    /// <param name="bypassCsp">true only where a test injects its own script (axe-core) or must see what the escaping alone does.</param>
    public async Task<Visitor> NewVisitorAsync(bool javaScript = true, bool bypassCsp = false)
    {
        var context = await _chromium.Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            AcceptDownloads = true,
            Locale = "en-GB",
            TimezoneId = "UTC",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        var visitor = await Visitor.OpenAsync(context);
        _visitors.Add(visitor);
        return visitor;
    }

    /// <summary>A new person at a new browser window signs up (which leaves them on their empty list); <see cref="Visitor.UserName"/> is theirs.</summary>
    public async Task<Visitor> NewUserAsync(bool javaScript = true, bool bypassCsp = false)
    {
        var visitor = await NewVisitorAsync(javaScript, bypassCsp);
        await visitor.SignUpAsync();
        return visitor;
    }

    /// <summary>Someone who already has an account signs in at another browser window of theirs.</summary>
    public async Task<Visitor> SignInElsewhereAsync(string userName, bool javaScript = true)
    {
        var visitor = await NewVisitorAsync(javaScript);
        await visitor.SignInAsync(userName);
        return visitor;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var visitor in _visitors)
        {
            await visitor.DisposeAsync();
        }

        await _app.DisposeAsync();
    }
}
