using System.Net;
using DocManager.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Tests.Security;

/// <summary>SPEC §3: anonymous visitors go to the login page and come back, but only to this site.</summary>
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/documents")]
    [InlineData("/profile")]
    [InlineData("/settings")]
    public async Task AnonymousVisitor_IsSentToLogin_WithThePageAsReturnUrl(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(Browser.BaseAddress, response.Headers.Location!);
        Assert.Equal(Browser.BaseAddress.Authority, location.Authority);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Equal(path, QueryHelpers.ParseQuery(location.Query)["returnUrl"].ToString());
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/settings")]
    public async Task SignIn_FromTheLoginPageALocalReturnUrlLeadsTo_LandsOnThatPage(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var setup = await app.NewUserAsync();
        using var browser = app.CreateBrowser();
        using var redirect = await browser.GetAsync(path);
        var loginPage = new Uri(Browser.BaseAddress, redirect.Headers.Location!).PathAndQuery;

        using var signIn = await browser.SubmitAsync(loginPage, "/login", [new("username", setup.UserName), new("password", Browser.Password)]);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal(path, signIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://evil.example/documents")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/documents")]
    [InlineData(@"/\evil.example")]
    [InlineData(@"\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" https://evil.example/")]
    public async Task SignIn_WithAReturnUrlOffThisSite_LandsOnDocuments(string returnUrl)
    {
        await using var app = await TestApp.StartAsync();
        using var setup = await app.NewUserAsync();
        using var browser = app.CreateBrowser();
        var loginPage = QueryHelpers.AddQueryString("/login", "returnUrl", returnUrl);

        using var signIn = await browser.SubmitAsync(loginPage, "/login", [new("username", setup.UserName), new("password", Browser.Password)]);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/documents", signIn.Headers.Location?.OriginalString);
    }
}
