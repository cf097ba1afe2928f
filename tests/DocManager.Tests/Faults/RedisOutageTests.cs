using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Faults;

/// <summary>
/// Redis (sessions, keys, sign-in counters) crashes and comes back: requests that need it answer 503
/// quickly, and the app reconnects by itself. Each test has its own Redis, so stopping it disturbs
/// no other test; it keeps its data across the restart (append-only file), so sessions survive.
/// </summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task RedisDown_SignedInPagesAndApiAnswer503Quickly_AndTheSameSessionWorksWhenItReturns()
    {
        await using var redis = await DisposableRedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis, On(redis));
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf());
        var api = browser.Api();
        await api.CsrfTokenAsync();

        await redis.StopAsync();

        await OutageSteps.AssertUnavailablePageAsync(() => browser.GetAsync("/documents"));
        await OutageSteps.AssertUnavailablePageAsync(() => browser.GetAsync("/upload"));
        await OutageSteps.AssertUnavailableProblemAsync(() => api.GetAsync("/api/me"));
        await OutageSteps.AssertUnavailableProblemAsync(() => api.PostJsonAsync("/api/documents", new { title = "Written while Redis is down" }));
        await OutageSteps.AssertAliveButNotReadyAsync(browser, "sessions");

        await redis.StartAgainAsync();
        await OutageSteps.WaitUntilReadyAsync(browser);

        // The session was kept by Redis, so the user goes on without signing in again.
        await browser.GetPageAsync("/documents");
        var me = await api.GetJsonAsync("/api/me");
        Assert.Equal(1, me.GetProperty("documentCount").GetInt32());
        await app.AssertIntegrityIntactAsync(expectedFiles: 1);
    }

    [Fact]
    public async Task RedisDown_SignInAnswers503Quickly_AndWorksWhenItReturns()
    {
        await using var redis = await DisposableRedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis, On(redis));
        var userName = await app.NewAccountAsync();

        using var browser = app.CreateBrowser();
        await browser.GetPageAsync("/login"); // a visitor's page needs no Redis

        await redis.StopAsync();

        await OutageSteps.AssertUnavailablePageAsync(() => browser.SignInAsync(userName));

        await redis.StartAgainAsync();
        await OutageSteps.WaitUntilReadyAsync(browser);
        using var signIn = await browser.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        await browser.GetPageAsync("/documents");
        await app.AssertIntegrityIntactAsync(expectedFiles: 0);
    }

    [Fact]
    public async Task RedisHangs_RequestsAnswer503WithinTheTimeout_AndRecoverWhenItResumes()
    {
        // GIVEN a Redis that keeps its connections open but answers nothing (a frozen host):
        // only the bounded command timeout stands between the user and a hang
        await using var redis = await DisposableRedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis, On(redis));
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        await api.CsrfTokenAsync();

        await redis.PauseAsync();

        await OutageSteps.AssertUnavailablePageAsync(() => browser.GetAsync("/documents"));
        await OutageSteps.AssertUnavailableProblemAsync(() => api.GetAsync("/api/me"));

        await redis.ResumeAsync();
        await OutageSteps.WaitUntilReadyAsync(browser);
        await browser.GetPageAsync("/documents");
        await app.AssertIntegrityIntactAsync(expectedFiles: 0);
    }

    private static Dictionary<string, string?> On(DisposableRedisServer redis) => new() { ["ConnectionStrings:Redis"] = redis.ConnectionString };
}
