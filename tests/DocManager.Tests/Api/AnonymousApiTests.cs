using System.Net;
using System.Text;
using DocManager.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4: the API answers anonymous calls with a 401 problem, never a redirect to the login page —
/// on every route under `/api`, found from the app's own routing table so a new one is checked too.
/// </summary>
public sealed class AnonymousApiTests
{
    /// <summary>Routes the SPEC names; the routing table must hold at least these.</summary>
    private static readonly string[] SpecRoutes =
    [
        "GET /api/me", "GET /api/documents", "GET /api/documents/{id}", "POST /api/documents", "PATCH /api/documents/{id}",
        "DELETE /api/documents/{id}", "POST /api/files", "GET /api/suggest", "GET /api/notifications",
        "POST /api/notifications/read", "GET /api/notifications/stream",
    ];

    [Fact]
    public async Task EveryApiRoute_AnswersAnonymousCallsWith401Problem()
    {
        await using var app = await TestApp.StartAsync();
        var routes = ApiRoutes(app);
        Assert.Subset(routes.ToHashSet(), SpecRoutes.ToHashSet());
        using var anonymous = app.CreateBrowser();

        foreach (var route in routes)
        {
            using var response = await SendAsync(anonymous, route);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route} answered {(int)response.StatusCode}");
            Assert.Null(response.Headers.Location);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task SignedOutSession_Answers401ProblemToo()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var token = await api.CsrfTokenAsync();
        using (var signedIn = await api.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using (var signOut = await browser.SignOutAsync())
        {
            Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        }

        using var me = await api.GetAsync("/api/me");
        using var create = await api.SendAsync(ApiClient.Request(HttpMethod.Post, "/api/documents", new { title = "After sign-out" }), token);

        await me.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await create.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await app.DocumentsAsync());
    }

    [Fact]
    public async Task TheSameRoutesForPages_StillRedirectToLogin()
    {
        await using var app = await TestApp.StartAsync();
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.GetAsync("/documents");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }

    /// <summary>"METHOD /api/path" for each API endpoint, route constraints and trailing slashes removed (`{id:int}` → `{id}`).</summary>
    private static List<string> ApiRoutes(TestApp app) =>
    [
        .. app.Instance.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "HEAD")
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/').Replace(":int}", "}", StringComparison.Ordinal)}"))
            .Distinct(),
    ];

    private static Task<HttpResponseMessage> SendAsync(Browser browser, string route)
    {
        var (method, path) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{id}", "1", StringComparison.Ordinal), UriKind.Relative));
        if (method is not ("GET" or "HEAD"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
