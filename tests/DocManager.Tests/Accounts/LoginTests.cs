using System.Net;
using DocManager.Accounts;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Accounts;

public sealed class LoginTests
{
    [Fact]
    public async Task Login_WithCorrectCredentials_RedirectsToDocumentsWithANewSession()
    {
        await using var app = await TestApp.StartAsync();
        var userName = await app.NewAccountAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location?.OriginalString);
        using var documents = await browser.GetAsync("/documents");
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
    }

    [Fact]
    public async Task Login_IgnoresTheCaseOfTheUsername()
    {
        await using var app = await TestApp.StartAsync();
        var userName = await app.NewAccountAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.SignInAsync(userName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithWrongPasswordOrUnknownUser_Returns401WithOneGenericMessage()
    {
        await using var app = await TestApp.StartAsync();
        var userName = await app.NewAccountAsync();
        using var browser = app.CreateBrowser();

        using var wrongPassword = await browser.SignInAsync(userName, "not the password");
        using var unknownUser = await browser.SignInAsync("nobody_" + userName, "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        var wrongPasswordPage = await wrongPassword.ReadHtmlAsync();
        var unknownUserPage = await unknownUser.ReadHtmlAsync();
        Assert.Equal(LoginModel.InvalidCredentials, wrongPasswordPage.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Equal(LoginModel.InvalidCredentials, unknownUserPage.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task FailedLogin_KeepsTheUsernameButNeverEchoesThePassword()
    {
        await using var app = await TestApp.StartAsync();
        var userName = await app.NewAccountAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.SignInAsync(userName, "secret-guess-123");

        var page = await response.ReadHtmlAsync();
        Assert.Equal(userName, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=username]")!.Value);
        Assert.Equal("", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=password]")!.Value);
        Assert.DoesNotContain("secret-guess-123", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithEmptyFields_Returns400WithMessagesBesideTheFields()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.SignInAsync("", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Username required", page.FieldError("username"));
        Assert.Equal("Password required", page.FieldError("password"));
    }

    [Theory]
    [InlineData("/settings", "/settings")]
    [InlineData("/profile?tab=1", "/profile?tab=1")]
    [InlineData("https://evil.example/", "/documents")]
    [InlineData("//evil.example/", "/documents")]
    [InlineData("/\\evil.example/", "/documents")]
    [InlineData("javascript:alert(1)", "/documents")]
    public async Task Login_FollowsReturnUrl_OnlyWhenItIsALocalPath(string returnUrl, string expected)
    {
        await using var app = await TestApp.StartAsync();
        var userName = await app.NewAccountAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "/login",
            [new("username", userName), new("password", Browser.Password)]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToLoginWithTheReturnUrl()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fsettings", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Landing_ShowsThePublicPageToVisitors_AndSendsSignedInUsersToDocuments()
    {
        await using var app = await TestApp.StartAsync();
        using var visitor = app.CreateBrowser();
        var landing = await visitor.GetPageAsync("/");
        Assert.NotNull(landing.QuerySelector("a[href='/register']"));

        using var user = await app.NewUserAsync();
        using var response = await user.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location?.OriginalString);
    }
}
