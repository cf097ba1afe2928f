using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Health;

/// <summary>SPEC §3: liveness and readiness, as JSON, for load balancers and orchestrators.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_AnswersHealthyJson_WithoutSigningIn()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [OnEveryBackend]
    public async Task Readyz_ListsTheDatabaseSessionAndFileChecks_AllHealthy(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        foreach (var name in (string[])["database", "sessions", "files"])
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Readyz_Answers503_NamingTheFailedCheck_WhenTheDatabaseIsGone()
    {
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        using var browser = app.CreateBrowser();
        await TestServers.DropPostgresDatabaseAsync(app.Environment.PostgresConnectionString!);

        using var response = await browser.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("sessions").GetProperty("status").GetString());
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
    }
}
