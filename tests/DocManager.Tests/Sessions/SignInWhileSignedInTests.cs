using System.Net;
using DocManager.Sessions;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sessions;

/// <summary>
/// Signing in from a browser that is already signed in (the login page allows it) gives a working,
/// brand-new session and ends the old one (SPEC §5: a new identifier at every sign-in).
/// </summary>
public sealed class SignInWhileSignedInTests
{
    [Theory]
    [OnEveryBackend]
    public async Task SignIn_WhileSignedIn_LeavesTheUserSignedInOnANewSession(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = app.CreateBrowser();
        var userName = await browser.RegisterNewUserAsync();
        var before = browser.SessionCookie!;

        using var signIn = await browser.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        using var after = await browser.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var old = app.CreateBrowser();
        old.Cookies.Add(Browser.BaseAddress, new Cookie(SessionsSetup.CookieName, before));
        using var replayed = await old.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Theory]
    [OnEveryBackend]
    public async Task SignIn_OverAPlantedLiveSession_NeverGivesTheAttackerTheVictimsSession(Backend backend)
    {
        // GIVEN an attacker who plants their own live session cookie in the victim's browser
        await using var app = await TestApp.StartAsync(backend);
        using var attacker = app.CreateBrowser();
        await attacker.RegisterNewUserAsync();
        using var setup = app.CreateBrowser();
        var victimName = await setup.RegisterNewUserAsync();
        using var victim = app.CreateBrowser();
        victim.Cookies.Add(Browser.BaseAddress, new Cookie(SessionsSetup.CookieName, attacker.SessionCookie!));

        using var signIn = await victim.SignInAsync(victimName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var profile = await victim.GetPageAsync("/profile");
        Assert.Contains(victimName, profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var attackersView = await attacker.GetAsync("/profile");
        Assert.NotEqual(HttpStatusCode.OK, attackersView.StatusCode);
    }

    [Fact]
    public async Task SignIn_AsAnotherUserWhileSignedIn_SwitchesToThatUser()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var first = await browser.RegisterNewUserAsync();
        using var other = app.CreateBrowser();
        var second = await other.RegisterNewUserAsync();
        await browser.CreateNoteIdAsync("First user's note");

        using var signIn = await browser.SignInAsync(second);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var profile = await browser.GetPageAsync("/profile");
        Assert.Contains(second, profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(first, profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await browser.ListIdsAsync("/documents"));
    }
}
