using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// Behind nginx every connection comes from 127.0.0.1; with `ForwardedHeaders:KnownProxies` the
/// instances see the real client (here 127.0.0.2, 127.0.0.3… on loopback) and the real scheme, and
/// believe those headers from the proxy only.
/// </summary>
public sealed class ProxyTrustTests(Cluster cluster) : IClassFixture<Cluster>
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Bystander = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task FailedSignIns_AreCountedPerForwardedClient_AcrossAllInstances()
    {
        using var owner = cluster.Browser(clientAddress: Bystander);
        var userName = await owner.RegisterNewUserAsync();
        using var attacker = cluster.Browser(clientAddress: Attacker);
        // A forged header does not help: nginx appends the address it really saw, and only that counts.
        attacker.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        // GIVEN the per-address limit (20) of failures, for many accounts, spread over the instances
        var answered = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            using var failed = await attacker.SignInAsync(Browser.NewUserName(), "wrong password");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            answered.Add(failed.Instance());
        }

        // THEN that client is refused even with a correct password, by whichever instance answers…
        using var refused = await attacker.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        // …while another client, behind the same proxy, signs in as usual
        using var welcomed = await owner.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.SeeOther, welcomed.StatusCode);
        Assert.Equal(3, answered.Count);
    }

    [Fact]
    public async Task FailedSignIns_ForOneAccount_AreCountedAcrossAllInstances()
    {
        using var owner = cluster.Browser(clientAddress: IPAddress.Parse("127.0.0.4"));
        var userName = await owner.RegisterNewUserAsync();
        using var guesser = cluster.Browser(clientAddress: IPAddress.Parse("127.0.0.5"));
        for (var i = 0; i < 5; i++)
        {
            using var failed = await guesser.SignInAsync(userName, "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await owner.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task ForwardedScheme_IsBelievedFromTheProxy_AndFromNoOneElse()
    {
        var instance = cluster.Instances[0].BaseAddress;
        using var fromProxy = await GetLoginClaimingHttpsAsync(instance, IPAddress.Loopback);
        using var fromElsewhere = await GetLoginClaimingHttpsAsync(instance, Attacker);
        using var throughNginx = await GetLoginClaimingHttpsAsync(cluster.Balancer.BaseAddress, Attacker);

        // From the proxy, the request counts as HTTPS: HSTS, and cookies that follow the scheme are Secure.
        Assert.True(fromProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("secure", AntiforgeryCookie(fromProxy), StringComparison.OrdinalIgnoreCase);
        // From anyone else, or through nginx (which states the scheme it really saw), it is plain HTTP.
        foreach (var plain in new[] { fromElsewhere, throughNginx })
        {
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
            Assert.DoesNotContain("secure", AntiforgeryCookie(plain), StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<HttpResponseMessage> GetLoginClaimingHttpsAsync(Uri server, IPAddress from)
    {
        using var browser = cluster.Browser(server, clientAddress: from);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/login", UriKind.Relative));
        // A host name HSTS applies to (it leaves localhost and loopback addresses alone).
        request.Headers.Host = "docs.example.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("docmanager.csrf=", StringComparison.Ordinal));
}
