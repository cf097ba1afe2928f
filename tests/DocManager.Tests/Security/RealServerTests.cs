using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Security;

/// <summary>
/// SPEC §5 and §7 as only the real server shows them (the in-memory test server enforces no header
/// limits and sends no Server header of its own): the app on Kestrel, on a loopback port.
/// </summary>
public sealed class RealServerTests
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/documents")]
    public async Task Head_AnswersLikeGet_WithoutABody(string path)
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var head = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Cookie", "big=")]
    [InlineData("X-Padding", "")]
    public async Task OversizedRequestHeader_Answers431(string header, string prefix)
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.TryAddWithoutValidation(header, prefix + new string('a', 64 * 1024));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/documents")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/css/site.css")]
    [InlineData("/error/404")]
    public async Task RealServer_SendsNoServerOrFrameworkBanner(string path)
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var names = response.HeaderNames().ToList();
        Assert.DoesNotContain(names, name => name.Equals("Server", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, name => name.Equals("X-Powered-By", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, name => name.StartsWith("X-AspNet", StringComparison.OrdinalIgnoreCase));
    }
}
