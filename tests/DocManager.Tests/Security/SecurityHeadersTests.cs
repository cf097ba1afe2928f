using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Security;

/// <summary>SPEC §5: the protective headers are on every kind of response, not only on pages.</summary>
public sealed class SecurityHeadersTests
{
    // Policies under which another site never learns the full address of a private page.
    private static readonly string[] ReferrerPoliciesThatHideThePath =
        ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];

    /// <summary>A page, a redirect, JSON, a not-found page and a static file; anonymous and signed in.</summary>
    public static TheoryData<string, bool, HttpStatusCode> Responses => new()
    {
        { "/login", false, HttpStatusCode.OK },
        { "/documents", false, HttpStatusCode.Redirect },
        { "/healthz", false, HttpStatusCode.OK },
        { "/css/site.css", false, HttpStatusCode.OK },
        { "/documents", true, HttpStatusCode.OK },
        { "/no-such-page", true, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesAContentSecurityPolicyThatAllowsNoInlineScriptNorFraming(string path, bool signedIn, HttpStatusCode expected)
    {
        using var response = await GetAsync(path, signedIn, expected);

        var policy = response.ContentSecurityPolicy();
        var scripts = policy.GetValueOrDefault("script-src") ?? policy["default-src"];
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.DoesNotContain("*", scripts);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["form-action"]);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_ForbidsFramingAndSniffing_AndSetsAReferrerPolicy(string path, bool signedIn, HttpStatusCode expected)
    {
        using var response = await GetAsync(path, signedIn, expected);

        Assert.Equal("DENY", response.Header("X-Frame-Options"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Contains(response.Header("Referrer-Policy"), ReferrerPoliciesThatHideThePath);
    }

    [Theory]
    [InlineData("/documents")]
    [InlineData("/settings")]
    [InlineData("/profile")]
    public async Task PagesWithPrivateData_AreNeverStoredByCaches(string path)
    {
        using var response = await GetAsync(path, signedIn: true, HttpStatusCode.OK);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} answered Cache-Control: {response.Headers.CacheControl}");
    }

    private static async Task<HttpResponseMessage> GetAsync(string path, bool signedIn, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        if (signedIn)
        {
            await browser.RegisterNewUserAsync();
        }

        var response = await browser.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return response;
    }
}
