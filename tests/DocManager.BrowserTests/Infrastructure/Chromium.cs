using DocManager.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(Chromium))]

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test run: Debian's, driven by Playwright's own Node.js driver
/// (shipped in the Microsoft.Playwright package). Playwright's browser download cannot work here, and
/// `./test.sh` installs the `chromium` package; without it every browser test fails, saying so.
/// Each user in a test gets a fresh browser context (cookies, storage) of this one browser.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: run ./test.sh, which installs Debian's chromium package for the browser tests.");
        }

        // Expect(...) retries for 5 s by default: too short for two test hosts and a browser on two busy cores.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox: the tests run as root in CI, where Chromium's sandbox refuses to start.
            // The rest keeps a test run from phoning home or doing background work.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
