using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Accounts;

public sealed class SettingsTests
{
    [Fact]
    public async Task EmailChange_IsSavedAndShownOnTheProfile()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.SubmitAsync("/settings", "/settings/email", [new("email", "me@example.com")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/settings", response.Headers.Location?.OriginalString);
        var settings = await browser.GetPageAsync("/settings");
        Assert.Equal("Email saved.", settings.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Equal("me@example.com", settings.QuerySelector<IHtmlInputElement>("input[name=email]")!.Value);
        var profile = await browser.GetPageAsync("/profile");
        Assert.Contains("me@example.com", profile.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidEmail_Returns400_KeepsTheInput_AndSavesNothing()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.SubmitAsync("/settings", "/settings/email", [new("email", "not an email")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("not an email", page.QuerySelector<IHtmlInputElement>("input[name=email]")!.Value);
        Assert.NotNull(page.FieldError("email"));
        Assert.Equal("true", page.QuerySelector("input[name=email]")!.GetAttribute("aria-invalid"));
        var profile = await browser.GetPageAsync("/profile");
        Assert.Contains("Not set", profile.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferences_AreKeptInAPlainPrefsCookie_AndApplyTheTheme()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.SubmitAsync("/settings", "/settings/preferences", [new("theme", "dark"), new("pageSize", "25")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("prefs=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await browser.GetPageAsync("/settings");
        Assert.Equal("dark", page.DocumentElement.GetAttribute("data-theme"));
        Assert.Equal("25", page.QuerySelector<IHtmlSelectElement>("select[name=pageSize]")!.Value);
    }

    [Theory]
    [InlineData("neon", "25", "theme")]
    [InlineData("dark", "1000", "pageSize")]
    public async Task Preferences_OutsideTheLists_Return400(string theme, string pageSize, string field)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.SubmitAsync("/settings", "/settings/preferences", [new("theme", theme), new("pageSize", pageSize)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadHtmlAsync()).FieldError(field));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("prefs=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Profile_ShowsNameAndMemberSince()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        var profile = await browser.GetPageAsync("/profile");

        Assert.Equal(browser.UserName, profile.QuerySelector("h1")?.TextContent.Trim());
        var since = profile.QuerySelector("time")!.GetAttribute("datetime")!;
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.Date, DateTime.Parse(since, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().Date);
    }
}
