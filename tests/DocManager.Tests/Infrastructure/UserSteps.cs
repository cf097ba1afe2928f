using System.Net;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// How people come to use the app under test: a new person signs up in a browser of their own, the
/// same person signs in on another device, and signs their other devices out.
/// </summary>
public static class UserSteps
{
    /// <summary>A new person creates an account in a browser of their own (which signs them in); <see cref="Browser.UserName"/> is theirs.</summary>
    public static Task<Browser> NewUserAsync(this TestApp app) => app.Instance.NewUserAsync();

    /// <summary>A new person creates an account through this instance, in a browser of their own.</summary>
    public static async Task<Browser> NewUserAsync(this DocManagerFactory instance)
    {
        var browser = instance.CreateBrowser();
        try
        {
            await browser.RegisterNewUserAsync();
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Someone creates an account in a browser that is then closed, so that a test can sign in to it
    /// afresh; returns its username.
    /// </summary>
    public static async Task<string> NewAccountAsync(this TestApp app)
    {
        using var browser = await app.NewUserAsync();
        return browser.UserName;
    }

    /// <summary>Someone who already has an account signs in on another device (a phone, a second browser), which must succeed.</summary>
    public static Task<Browser> SignInElsewhereAsync(this TestApp app, string userName) => app.Instance.SignInElsewhereAsync(userName);

    /// <summary>Someone who already has an account signs in through this instance, in another browser of theirs.</summary>
    public static async Task<Browser> SignInElsewhereAsync(this DocManagerFactory instance, string userName)
    {
        var browser = instance.CreateBrowser();
        try
        {
            await browser.SignInAsUserAsync(userName);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>Signs out every other session of this user with the button on /settings, which must succeed.</summary>
    public static async Task SignOutEverywhereElseAsync(this Browser browser)
    {
        using var response = await browser.SubmitAsync("/settings", "/settings/sessions/revoke", [new("all", "true")], formIndex: 0);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"signing out the other sessions answered {(int)response.StatusCode}");
    }

    /// <summary>
    /// What a browser that is no longer signed in sees: its next page is the sign-in page (the answer
    /// redirects there), not its documents.
    /// </summary>
    public static async Task AssertSignedOutAsync(this Browser browser)
    {
        using var response = await browser.GetAsync("/documents");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET /documents answered {(int)response.StatusCode} to a browser that should be signed out");
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
