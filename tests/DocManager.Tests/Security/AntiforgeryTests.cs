using System.Net;
using DocManager.Accounts;
using DocManager.Data;
using DocManager.Shared;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Security;

/// <summary>
/// SPEC §3: a form POST without a valid anti-forgery token answers 400 and changes nothing. Each
/// request comes from a browser that has loaded the form (so it holds the anti-forgery cookie),
/// as a victim's browser would when another site makes it post.
/// </summary>
public sealed class AntiforgeryTests
{
    private const string TokenField = "__RequestVerificationToken";

    [Fact]
    public async Task PostWithoutToken_ToRegister_Returns400AndCreatesNoUser()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = Browser.NewUserName();

        using var response = await PostWithoutTokenAsync(browser, "/register", "/register",
            [new("username", userName), new("password", Browser.Password), new("confirmPassword", Browser.Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(browser.SessionCookie);
        Assert.False(await app.Instance.WithScopeAsync<AppDbContext, bool>(db =>
            db.Users.AnyAsync(u => u.NormalizedUserName == User.Normalize(userName))));
    }

    [Fact]
    public async Task PostWithoutToken_ToLogin_Returns400AndSignsNobodyIn()
    {
        // Login CSRF: another site must not sign the victim's browser into the attacker's account.
        await using var app = await TestApp.StartAsync();
        using var attacker = await app.NewUserAsync();
        using var victim = app.CreateBrowser();

        using var response = await PostWithoutTokenAsync(victim, "/login", "/login",
            [new("username", attacker.UserName), new("password", Browser.Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(victim.SessionCookie);
    }

    [Fact]
    public async Task PostWithoutToken_ToSettingsEmail_Returns400AndLeavesTheEmailUnchanged()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await SetEmailAsync(browser, "before@example.com");

        using var response = await PostWithoutTokenAsync(browser, "/settings", "/settings/email", [new("email", "attacker@example.com")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("before@example.com", await EmailOfAsync(app, browser.UserName));
    }

    [Fact]
    public async Task PostWithoutToken_ToSettingsPassword_Returns400AndTheOldPasswordStillWorks()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        const string attackersPassword = "chosen by the attacker";

        using var response = await PostWithoutTokenAsync(browser, "/settings", "/settings/password",
            [new("currentPassword", Browser.Password), new("newPassword", attackersPassword), new("confirmPassword", attackersPassword)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var other = app.CreateBrowser();
        using var withOld = await other.SignInAsync(browser.UserName);
        Assert.Equal(HttpStatusCode.SeeOther, withOld.StatusCode);
        using var withNew = await other.SignInAsync(browser.UserName, attackersPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, withNew.StatusCode);
    }

    [Fact]
    public async Task PostWithoutToken_ToLogout_Returns400AndTheSessionStillWorks()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await PostWithoutTokenAsync(browser, "/settings", "/logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var after = await browser.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task PostWithoutToken_ToRevokeSessions_Returns400AndTheOtherSessionStillWorks()
    {
        await using var app = await TestApp.StartAsync();
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        using var response = await PostWithoutTokenAsync(phone, "/settings", "/settings/sessions/revoke", [new("all", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var after = await laptop.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task PostWithoutToken_ToPreferences_Returns400AndSetsNoPreferencesCookie()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await PostWithoutTokenAsync(browser, "/settings", "/settings/preferences", [new("theme", "dark"), new("pageSize", "10")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(browser.Cookies.GetCookies(Browser.BaseAddress)[Preferences.CookieName]);
    }

    [Fact]
    public async Task PostWithAMadeUpToken_ToSettingsEmail_Returns400AndLeavesTheEmailUnchanged()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await PostWithoutTokenAsync(browser, "/settings", "/settings/email",
            [new("email", "attacker@example.com"), new(TokenField, "CfDJ8made-up-token")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await EmailOfAsync(app, browser.UserName));
    }

    [Fact]
    public async Task PostWithAnotherUsersToken_ToSettingsEmail_Returns400AndLeavesTheEmailUnchanged()
    {
        // GIVEN an attacker who copies the token from their own settings page into a forged form
        await using var app = await TestApp.StartAsync();
        using var attacker = await app.NewUserAsync();
        var attackersToken = (await attacker.GetPageAsync("/settings")).CsrfToken();
        using var victim = await app.NewUserAsync();

        using var response = await PostWithoutTokenAsync(victim, "/settings", "/settings/email",
            [new("email", "attacker@example.com"), new(TokenField, attackersToken)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await EmailOfAsync(app, victim.UserName));
    }

    [Fact]
    public async Task PostWithTheUsersOwnToken_ToSettingsEmail_ChangesTheEmail()
    {
        // The control for the tests above: the same post with the page's own token is accepted.
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var token = (await browser.GetPageAsync("/settings")).CsrfToken();

        using var response = await browser.PostFormAsync("/settings/email", [new("email", "mine@example.com"), new(TokenField, token)]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("mine@example.com", await EmailOfAsync(app, browser.UserName));
    }

    /// <summary>Loads the page holding the form (as the victim's browser would have), then posts only <paramref name="fields"/>.</summary>
    private static async Task<HttpResponseMessage> PostWithoutTokenAsync(
        Browser browser, string pageUrl, string formAction, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await browser.GetPageAsync(pageUrl);
        Assert.Contains(page.Forms, form => form.GetAttribute("action") == formAction);
        return await browser.PostFormAsync(formAction, fields);
    }

    private static async Task SetEmailAsync(Browser browser, string email)
    {
        using var response = await browser.SubmitAsync("/settings", "/settings/email", [new("email", email)]);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static Task<string?> EmailOfAsync(TestApp app, string userName) =>
        app.Instance.WithScopeAsync<AppDbContext, string?>(db =>
            db.Users.Where(u => u.NormalizedUserName == User.Normalize(userName)).Select(u => u.Email).SingleAsync());
}
