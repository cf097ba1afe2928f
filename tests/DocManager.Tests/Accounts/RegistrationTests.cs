using System.Net;
using DocManager.Accounts;
using DocManager.Data;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Accounts;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Register_SignsInAndRedirectsToDocuments()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        var userName = Browser.NewUserName();

        using var response = await browser.RegisterAsync(userName);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location?.OriginalString);
        Assert.NotNull(browser.SessionCookie);
        var documents = await browser.GetPageAsync("/documents");
        Assert.Contains(userName, documents.QuerySelector("nav[aria-label=Account]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Password_IsStoredOnlyAsASaltedPbkdf2Hash(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var first = app.CreateBrowser();
        using var second = app.CreateBrowser();
        await first.RegisterNewUserAsync();
        await second.RegisterNewUserAsync();

        var hashes = await app.Instance.WithScopeAsync<AppDbContext, List<string>>(db => db.Users.Select(u => u.PasswordHash).ToListAsync());

        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, hash => Assert.DoesNotContain(Browser.Password, hash, StringComparison.Ordinal));
        // Identity's v3 format: a 0x01 marker byte, then PRF, iteration count and salt.
        Assert.All(hashes, hash => Assert.Equal(0x01, Convert.FromBase64String(hash)[0]));
        Assert.NotEqual(hashes[0], hashes[1]); // same password, different salts
    }

    [Theory]
    [InlineData("ab", "Username must be at least 3 characters")]
    [InlineData("this_name_is_far_too_long_for_us_", "Username must be at most 32 characters")]
    [InlineData("bad name", "Username may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("<script>", "Username may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("", "Username required")]
    public async Task Register_WithInvalidUsername_Returns400WithTheMessageBesideTheField(string userName, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.RegisterAsync(userName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(message, page.FieldError("username"));
        Assert.Equal(userName, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=username]")!.Value);
        Assert.Equal(0, await UserCount(app));
    }

    [Theory]
    [InlineData("short", "password", "Password must be at least 8 characters")]
    [InlineData("", "password", "Password required")]
    public async Task Register_WithInvalidPassword_Returns400AndCreatesNoUser(string password, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.RegisterAsync(Browser.NewUserName(), password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadHtmlAsync()).FieldError(field));
        Assert.Equal(0, await UserCount(app));
    }

    [Fact]
    public async Task Register_WithOverlongPassword_Returns400()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.RegisterAsync(Browser.NewUserName(), new string('p', UserNameRules.MaxPasswordLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Password must be at most 128 characters", (await response.ReadHtmlAsync()).FieldError("password"));
    }

    [Fact]
    public async Task Register_WithMismatchedConfirmation_Returns400()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitAsync("/register", "/register",
            [new("username", Browser.NewUserName()), new("password", "a long password"), new("confirmPassword", "another password")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Passwords do not match", (await response.ReadHtmlAsync()).FieldError("confirmPassword"));
        Assert.Equal(0, await UserCount(app));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Register_WithANameTakenInAnotherCase_Returns400(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var first = await app.NewUserAsync();
        using var second = app.CreateBrowser();

        using var response = await second.RegisterAsync(first.UserName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Username already taken", (await response.ReadHtmlAsync()).FieldError("username"));
        Assert.Equal(1, await UserCount(app));
    }

    [Theory]
    [OnEachDatabase]
    public async Task SimultaneousRegistrations_OfOneName_CreateExactlyOneAccount(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        var userName = Browser.NewUserName();
        var browsers = Enumerable.Range(0, 6).Select(_ => app.CreateBrowser()).ToList();
        // Load every form first, so the POSTs really race.
        var forms = await Task.WhenAll(browsers.Select(b => b.GetPageAsync("/register")));

        var responses = await Task.WhenAll(browsers.Select((b, i) => b.SubmitAsync(
            forms[i].Forms.Single(f => f.GetAttribute("action") == "/register"),
            [new("username", i % 2 == 0 ? userName : userName.ToUpperInvariant()), new("password", Browser.Password), new("confirmPassword", Browser.Password)])));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(1, await UserCount(app));
        browsers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task SignedInUser_VisitingRegister_IsSentToDocuments()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.GetAsync("/register");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location?.OriginalString);
    }

    private static Task<int> UserCount(TestApp app) =>
        app.Instance.WithScopeAsync<AppDbContext, int>(db => db.Users.CountAsync());
}
