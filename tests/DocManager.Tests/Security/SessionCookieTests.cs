using System.Net;
using DocManager.Sessions;
using DocManager.Tests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace DocManager.Tests.Security;

/// <summary>SPEC §5: the attributes of the session cookie set at sign-in.</summary>
public sealed class SessionCookieTests
{
    [Fact]
    public async Task SessionCookie_IsHttpOnly_SoScriptsCannotReadIt()
    {
        var cookie = await SessionCookieAtSignInAsync();

        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task SessionCookie_IsSameSiteLaxOrStrict_SoOtherSitesCannotPostWithIt()
    {
        var cookie = await SessionCookieAtSignInAsync();

        Assert.True(cookie.SameSite is SameSiteMode.Lax or SameSiteMode.Strict, $"SameSite={cookie.SameSite}");
    }

    [Fact]
    public async Task SessionCookie_IsSecureByDefault_SoItIsNeverSentOverPlainHttp()
    {
        var cookie = await SessionCookieAtSignInAsync();

        Assert.True(cookie.Secure);
    }

    [Fact]
    public async Task SessionCookie_IsForTheWholeSite()
    {
        var cookie = await SessionCookieAtSignInAsync();

        Assert.Equal("/", cookie.Path.ToString());
    }

    [Fact]
    public async Task SessionCookie_IsNotSecure_WhenSecureCookiesIsTurnedOff()
    {
        var cookie = await SessionCookieAtSignInAsync(new Dictionary<string, string?> { ["Security:SecureCookies"] = "false" });

        Assert.False(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.SameSite is SameSiteMode.Lax or SameSiteMode.Strict, $"SameSite={cookie.SameSite}");
    }

    private static async Task<SetCookieHeaderValue> SessionCookieAtSignInAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var app = await TestApp.StartAsync(Backend.Sqlite, settings);
        using var setup = await app.NewUserAsync();
        using var browser = app.CreateBrowser();

        using var signIn = await browser.SignInAsync(setup.UserName);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var cookies = SetCookieHeaderValue.ParseList(signIn.Headers.GetValues("Set-Cookie").ToList());
        return Assert.Single(cookies, c => c.Name == SessionsSetup.CookieName);
    }
}
