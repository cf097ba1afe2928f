using System.Net;
using DocManager.Sessions;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Security;

/// <summary>SPEC §7: TRACE is refused everywhere, since it would echo the cookies back to a script.</summary>
public sealed class TraceTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/documents")]
    public async Task Trace_IsRefusedWith405_AndEchoesNothing(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var request = new HttpRequestMessage(HttpMethod.Trace, path);
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(SessionsSetup.CookieName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.SessionCookie!, body, StringComparison.Ordinal);
    }
}
