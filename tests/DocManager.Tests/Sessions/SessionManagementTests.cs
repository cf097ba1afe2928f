using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sessions;

/// <summary>The "where you're signed in" list on /settings, sign-out of one or all others, and password changes.</summary>
public sealed class SessionManagementTests
{
    [Theory]
    [OnEveryBackend]
    public async Task Settings_ListsEveryActiveSession_WithClientAndTimes(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var laptop = await app.NewUserAsync();
        using var phone = app.CreateBrowser();
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36");
        await phone.SignInAsUserAsync(laptop.UserName);

        var rows = await SessionRows(laptop);

        Assert.Equal(2, rows.Count);
        Assert.Single(rows, row => row.TextContent.Contains("This device", StringComparison.Ordinal));
        Assert.Single(rows, row => row.TextContent.Contains("Chrome on Android", StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Equal(2, row.QuerySelectorAll("time[datetime]").Length));
    }

    [Theory]
    [OnEveryBackend]
    public async Task RevokingOneSession_SignsOutThatBrowserOnly(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);
        using var tablet = await app.SignInElsewhereAsync(laptop.UserName);

        var settings = await laptop.GetPageAsync("/settings");
        var revokeForm = settings.Forms.First(f => f.GetAttribute("action") == "/settings/sessions/revoke" && f.QuerySelector("input[name=sessionId]") is not null);
        using var revoke = await laptop.SubmitAsync(revokeForm);

        Assert.Equal(HttpStatusCode.SeeOther, revoke.StatusCode);
        var stillSignedIn = 0;
        foreach (var browser in new[] { laptop, phone, tablet })
        {
            using var response = await browser.GetAsync("/documents");
            stillSignedIn += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(2, stillSignedIn);
        Assert.Equal(2, (await SessionRows(laptop)).Count);
    }

    [Theory]
    [OnEveryBackend]
    public async Task SignOutAllOthers_KeepsOnlyTheCurrentSession(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        using var revoke = await laptop.SubmitAsync("/settings", "/settings/sessions/revoke", [new("all", "true")], formIndex: 0);

        Assert.Equal(HttpStatusCode.SeeOther, revoke.StatusCode);
        using var onLaptop = await laptop.GetAsync("/documents");
        using var onPhone = await phone.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onPhone.StatusCode);
    }

    [Fact]
    public async Task AnotherUsersSession_CannotBeRevoked()
    {
        await using var app = await TestApp.StartAsync();
        using var victim = await app.NewUserAsync();
        var victimSessionId = (await SessionRows(victim)).Single().QuerySelector<IHtmlInputElement>("input[name=sessionId]")?.Value;
        Assert.Null(victimSessionId); // the current session offers no revoke button; read the id from the store instead
        var storedId = await app.Instance.WithScopeAsync<DocManager.Sessions.ISessionStore, string>(async store =>
            (await store.ListForUserAsync(1, CancellationToken.None)).Single().Id);

        using var attacker = await app.NewUserAsync();
        // The attacker has no other session, so no revoke form: the token of any of their forms will do.
        var token = await attacker.FormTokenAsync("/settings", "/settings/email");
        using var response = await attacker.PostFormAsync("/settings/sessions/revoke", [new("sessionId", storedId), new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var stillIn = await victim.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Theory]
    [OnEveryBackend]
    public async Task PasswordChange_KeepsThisSession_EndsAllOthers_AndReplacesThePassword(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        using var change = await laptop.SubmitAsync("/settings", "/settings/password",
            [new("currentPassword", Browser.Password), new("newPassword", "a brand new passphrase"), new("confirmPassword", "a brand new passphrase")]);

        Assert.Equal(HttpStatusCode.SeeOther, change.StatusCode);
        using var onLaptop = await laptop.GetAsync("/documents");
        using var onPhone = await phone.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onPhone.StatusCode);

        using var fresh = app.CreateBrowser();
        using var oldPassword = await fresh.SignInAsync(laptop.UserName);
        using var newPassword = await fresh.SignInAsync(laptop.UserName, "a brand new passphrase");
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, newPassword.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_WithWrongCurrentPassword_Returns400AndChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        using var change = await laptop.SubmitAsync("/settings", "/settings/password",
            [new("currentPassword", "not my password"), new("newPassword", "a brand new passphrase"), new("confirmPassword", "a brand new passphrase")]);

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal("Current password is incorrect", (await change.ReadHtmlAsync()).FieldError("currentPassword"));
        using var onPhone = await phone.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, onPhone.StatusCode);
        using var fresh = app.CreateBrowser();
        using var oldPassword = await fresh.SignInAsync(laptop.UserName);
        Assert.Equal(HttpStatusCode.SeeOther, oldPassword.StatusCode);
    }

    private static async Task<List<IHtmlTableRowElement>> SessionRows(Browser browser)
    {
        var settings = await browser.GetPageAsync("/settings");
        return [.. settings.QuerySelectorAll<IHtmlTableRowElement>("section[aria-labelledby=sessions-heading] tbody tr")];
    }
}
