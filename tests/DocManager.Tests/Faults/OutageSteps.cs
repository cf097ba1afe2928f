using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DocManager.Integrity;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Faults;

/// <summary>What a user sees while a service is down, and the checks every fault test ends with.</summary>
public static class OutageSteps
{
    /// <summary>
    /// A guard against hangs, not a performance target: an answer slower than this means the request
    /// waited on the dead service instead of failing fast.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    /// <summary>How long a service that is back may take before the app serves again by itself.</summary>
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    // Text that only appears in an answer that leaks exception details or the program's internals.
    private static readonly string[] Leaks = ["Exception", "Redis", "Npgsql", "Postgres", "at DocManager", "at Microsoft", "StackTrace", "127.0.0.1"];

    /// <summary>Sends a request that needs the failed service and asserts the friendly 503 page, answered quickly.</summary>
    public static async Task AssertUnavailablePageAsync(Func<Task<HttpResponseMessage>> send)
    {
        var (response, body) = await TimedAsync(send);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}: {body}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            AssertRetryAfter(response);
            // The page is still one of the site's pages, with its protective headers (SPEC §5).
            Assert.True(response.Headers.Contains("Content-Security-Policy"), "the 503 page has no Content-Security-Policy");
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            var page = Browser.Parse(body);
            Assert.Equal("Temporarily unavailable", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Contains("temporarily unavailable", page.QuerySelector("main")?.TextContent, StringComparison.OrdinalIgnoreCase);
            AssertRevealsNothing(body);
        }
    }

    /// <summary>Sends an API call that needs the failed service and asserts a 503 problem, answered quickly.</summary>
    public static async Task AssertUnavailableProblemAsync(Func<Task<HttpResponseMessage>> send)
    {
        var (response, body) = await TimedAsync(send);
        using (response)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("temporarily unavailable", problem.Text("detail"), StringComparison.OrdinalIgnoreCase);
            AssertRetryAfter(response);
            AssertRevealsNothing(body);
        }
    }

    /// <summary>`/healthz` (the process answers) stays 200; `/readyz` says which part is down.</summary>
    public static async Task AssertAliveButNotReadyAsync(Browser browser, string failedCheck)
    {
        var (live, _) = await TimedAsync(() => browser.GetAsync("/healthz"));
        using (live)
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        var (ready, body) = await TimedAsync(() => browser.GetAsync("/readyz"));
        using (ready)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty(failedCheck).GetProperty("status").GetString());
        }
    }

    /// <summary>
    /// Waits until `/readyz` answers 200 again: the app has found the returned service by itself. If it
    /// does not, the failure quotes its last answer, which names the check still failing.
    /// </summary>
    public static Task WaitUntilReadyAsync(Browser browser)
    {
        var last = "no answer yet";
        return Processes.WaitUntilAsync("readiness after the service returned", RecoveryLimit, async () =>
        {
            using var ready = await browser.GetAsync("/readyz");
            last = $"/readyz answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}";
            return ready.StatusCode == HttpStatusCode.OK;
        }, () => last);
    }

    /// <summary>Runs the integrity check now and asserts that no file is missing, changed or orphaned.</summary>
    public static async Task AssertIntegrityIntactAsync(this TestApp app, int expectedFiles)
    {
        var result = await app.Instance.Service<IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken);
        Assert.Empty(result.Missing);
        Assert.Empty(result.Corrupted);
        Assert.Equal(0, result.OrphansRemoved);
        Assert.Equal(expectedFiles, result.Checked);
    }

    private static async Task<(HttpResponseMessage Response, string Body)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send().WaitAsync(HangGuard * 2, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(clock.Elapsed < HangGuard, $"the answer took {clock.Elapsed.TotalSeconds:0.0} s: the request waited on the failed service");
        return (response, body);
    }

    private static void AssertRetryAfter(HttpResponseMessage response) =>
        Assert.True(response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero, "no Retry-After in seconds");

    private static void AssertRevealsNothing(string body)
    {
        foreach (var leak in Leaks)
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
    }
}
