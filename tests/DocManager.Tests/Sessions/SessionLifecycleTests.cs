using System.Net;
using DocManager.Data;
using DocManager.Sessions;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Sessions;

/// <summary>Server-side sessions as SPEC §1 and §5 describe them, on every session store.</summary>
public sealed class SessionLifecycleTests
{
    [Theory]
    [OnEveryBackend]
    public async Task CookieReplayedAfterSignOut_IsRefused(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var copied = browser.SessionCookie!;

        using var signOut = await browser.SignOutAsync();
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Equal("/login", signOut.Headers.Location?.OriginalString);

        // GIVEN an attacker who copied the cookie before sign-out
        using var attacker = app.CreateBrowser().WithSessionCookie(copied);

        await attacker.AssertSignedOutAsync();
    }

    [Theory]
    [OnEveryBackend]
    public async Task CookieCopiedToAnotherBrowser_WorksUntilSignOut(Backend backend)
    {
        // Proves the replay test above fails for the right reason: the copy is a valid session.
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        using var copy = app.CreateBrowser().WithSessionCookie(browser.SessionCookie!);

        using var response = await copy.GetAsync("/documents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [OnEveryBackend]
    public async Task SignIn_IssuesANewSessionIdentifier_AndEndsTheOldOne(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var before = browser.SessionCookie!;

        using var signIn = await browser.SignInAsync(browser.UserName);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var after = browser.SessionCookie!;

        Assert.NotEqual(before, after);
        using var old = app.CreateBrowser().WithSessionCookie(before);
        await old.AssertSignedOutAsync();
    }

    [Fact]
    public async Task SessionCookie_FromAnonymousVisit_IsNeverAdoptedAtSignIn()
    {
        // GIVEN a cookie value planted before sign-in (session fixation)
        await using var app = await TestApp.StartAsync();
        using var setup = await app.NewUserAsync();
        using var victim = app.CreateBrowser().WithSessionCookie("planted-by-attacker");

        using var signIn = await victim.SignInAsync(setup.UserName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.NotEqual("planted-by-attacker", victim.SessionCookie);
    }

    [Theory]
    [OnEveryBackend]
    public async Task IdleSession_IsRefusedAfterTheIdleTimeout(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillActive = await browser.GetAsync("/documents"))
        {
            Assert.Equal(HttpStatusCode.OK, stillActive.StatusCode);
        }

        // Activity 59 minutes in renewed the session: another 59 minutes later it still works.
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var renewed = await browser.GetAsync("/documents"))
        {
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(61));

        await browser.AssertSignedOutAsync();
    }

    [Theory]
    [InlineData(false, 7)]
    [InlineData(true, 30)]
    public async Task Session_EndsAtItsAbsoluteLifetime_HoweverActive(bool rememberMe, int days)
    {
        await using var app = await TestApp.StartAsync();
        using var setup = await app.NewUserAsync();
        using var browser = app.CreateBrowser();
        await browser.SignInAsUserAsync(setup.UserName, rememberMe);

        // Active every 50 minutes, right up to just before the absolute end.
        var end = app.Clock.GetUtcNow().AddDays(days);
        while (app.Clock.GetUtcNow().AddMinutes(50) < end)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(50));
            using var active = await browser.GetAsync("/profile");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(50));
        using var expired = await browser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
    }

    [Fact]
    public async Task RememberMe_MakesAPersistentCookie_OtherwiseABrowserSessionCookie()
    {
        await using var app = await TestApp.StartAsync();
        using var setup = await app.NewUserAsync();
        using var browser = app.CreateBrowser();

        using var remembered = await browser.SignInAsync(setup.UserName, rememberMe: true);
        using var forgotten = await browser.SignInAsync(setup.UserName, rememberMe: false);

        var persistent = SetCookie(remembered, SessionsSetup.CookieName);
        var sessionOnly = SetCookie(forgotten, SessionsSetup.CookieName);
        Assert.Contains("expires=", persistent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", sessionOnly, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [OnEveryBackend]
    public async Task Sessions_SurviveARestartOfTheApp(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        var cookies = new CookieContainer();
        using (var before = new Browser(app.Instance, cookies))
        {
            await before.RegisterNewUserAsync();
        }

        await app.RestartAsync();
        using var after = new Browser(app.Instance, cookies);
        using var response = await after.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [OnEveryBackend]
    public async Task SignOut_DeletesTheServerRecord(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var userId = await app.Instance.WithScopeAsync<AppDbContext, int>(db => db.Users.Select(u => u.Id).SingleAsync());
        Assert.Single(await SessionsOf(app, userId));

        using var signOut = await browser.SignOutAsync();

        Assert.Empty(await SessionsOf(app, userId));
    }

    private static Task<IReadOnlyList<ServerSession>> SessionsOf(TestApp app, int userId) =>
        app.Instance.WithScopeAsync<ISessionStore, IReadOnlyList<ServerSession>>(store => store.ListForUserAsync(userId, CancellationToken.None));

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}
