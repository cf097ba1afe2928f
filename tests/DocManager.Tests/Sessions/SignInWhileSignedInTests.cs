using System.Net;
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
        using var browser = await app.NewUserAsync();
        var before = browser.SessionCookie!;

        using var signIn = await browser.SignInAsync(browser.UserName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        using var after = await browser.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var old = app.CreateBrowser().WithSessionCookie(before);
        using var replayed = await old.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Theory]
    [OnEveryBackend]
    public async Task SignIn_OverAPlantedLiveSession_NeverGivesTheAttackerTheVictimsSession(Backend backend)
    {
        // GIVEN an attacker who plants their own live session cookie in the victim's browser
        await using var app = await TestApp.StartAsync(backend);
        using var attacker = await app.NewUserAsync();
        using var setup = await app.NewUserAsync();
        using var victim = app.CreateBrowser().WithSessionCookie(attacker.SessionCookie!);

        using var signIn = await victim.SignInAsync(setup.UserName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var profile = await victim.GetPageAsync("/profile");
        Assert.Contains(setup.UserName, profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var attackersView = await attacker.GetAsync("/profile");
        Assert.NotEqual(HttpStatusCode.OK, attackersView.StatusCode);
    }

    [Fact]
    public async Task SignIn_AsAnotherUserWhileSignedIn_SwitchesToThatUser()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var first = browser.UserName;
        using var other = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("First user's note");

        using var signIn = await browser.SignInAsync(other.UserName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var profile = await browser.GetPageAsync("/profile");
        Assert.Contains(other.UserName, profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(first, profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await browser.ListIdsAsync("/documents"));
    }
}
