using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Shared;
using DocManager.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Tests.Security;

/// <summary>
/// SPEC §5: every value a user controls reaches the page as text, never as markup. Each test
/// parses the page as a browser would and checks the hostile value is shown, but built no element.
/// </summary>
public sealed class OutputEncodingTests
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task RefusedEmail_IsShownBackEscapedInTheField()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        const string hostile = "\"><script>alert(1)</script>@x.io";

        using var response = await browser.SubmitAsync("/settings", "/settings/email", [new("email", hostile)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(hostile, ((IHtmlInputElement)page.GetElementById("email")!).Value);
        AssertNoInjectedMarkup(page);
    }

    [Fact]
    public async Task StoredEmailWithMarkup_IsShownAsTextOnProfileAndSettings()
    {
        // A quoted local part makes this a valid address, so it is stored and shown on later pages.
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        const string hostile = "\"<script>alert(1)</script>\"@x.io";
        using (var saved = await browser.SubmitAsync("/settings", "/settings/email", [new("email", hostile)]))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        }

        var profile = await browser.GetPageAsync("/profile");
        var settings = await browser.GetPageAsync("/settings");

        Assert.Contains(profile.QuerySelectorAll("dd"), dd => dd.TextContent.Trim() == hostile);
        AssertNoInjectedMarkup(profile);
        Assert.Equal(hostile, ((IHtmlInputElement)settings.GetElementById("email")!).Value);
        AssertNoInjectedMarkup(settings);
    }

    [Fact]
    public async Task FailedSignIn_ShowsTheTypedUserNameBackAsText()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        const string hostile = "\"><script>alert(1)</script>";

        using var response = await browser.SignInAsync(hostile);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(hostile, ((IHtmlInputElement)page.GetElementById("username")!).Value);
        AssertNoInjectedMarkup(page);
    }

    [Fact]
    public async Task RefusedRegistration_ShowsTheTypedUserNameBackAsText()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        const string hostile = "\"><script>alert(1)</script>";

        using var response = await browser.RegisterAsync(hostile);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(hostile, ((IHtmlInputElement)page.GetElementById("username")!).Value);
        AssertNoInjectedMarkup(page);
    }

    [Fact]
    public async Task ReturnUrlWithMarkup_IsKeptInTheLoginFormAsText()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        const string hostile = "/documents\"><script>alert(1)</script>";

        var page = await browser.GetPageAsync(QueryHelpers.AddQueryString("/login", "returnUrl", hostile));

        var field = page.QuerySelectorAll<IHtmlInputElement>("input[name=returnUrl]").Single();
        Assert.Equal(hostile, field.Value);
        AssertNoInjectedMarkup(page);
    }

    [Theory]
    [InlineData("theme=" + Script)]
    [InlineData("theme=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&pageSize=10")]
    [InlineData("theme=dark%22%20onload%3D%22alert(1)")]
    [InlineData("theme%3D%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%26pageSize%3D10")]
    public async Task HostilePrefsCookie_NeverReachesThePage(string cookieValue)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        foreach (var path in (string[])["/login", "/documents", "/settings"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            // Set by hand: the cookie jar refuses some of these values, a hostile client does not.
            request.Headers.TryAddWithoutValidation("Cookie", $"{Preferences.CookieName}={cookieValue}");
            using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadHtmlAsync();
            Assert.Contains(page.DocumentElement.GetAttribute("data-theme"), Preferences.Themes);
            Assert.Single(page.DocumentElement.Attributes, a => a.Name == "data-theme");
            AssertNoInjectedMarkup(page);
        }
    }

    [Fact]
    public async Task ValidPrefsCookie_SetsTheTheme()
    {
        // The control for the test above: the cookie does reach the page when it is valid.
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        browser.Cookies.Add(Browser.BaseAddress, new Cookie(Preferences.CookieName, new Preferences("dark", 25).ToCookieValue()));

        var page = await browser.GetPageAsync("/login");

        Assert.Equal("dark", page.DocumentElement.GetAttribute("data-theme"));
    }

    private static void AssertNoInjectedMarkup(IHtmlDocument page)
    {
        Assert.DoesNotContain(page.Scripts, script => script.Text.Contains("alert", StringComparison.Ordinal));
        Assert.DoesNotContain(page.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }
}
