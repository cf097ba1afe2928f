using System.Net;
using DocManager.Hosting;
using DocManager.Intake;
using DocManager.Integrity;
using DocManager.Jobs;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DocManager.Tests.Roles;

/// <summary>
/// `Instance:Role` decides what an instance runs: web-only instances serve users and run no
/// background work; worker-only instances run it and answer nothing but the health probes.
/// </summary>
public sealed class WebAndWorkerRoleTests
{
    [Fact]
    public async Task WebRole_RunsNoJobRunnerNorIntegrityTimer_AndServesPages()
    {
        await using var app = await TestApp.StartAsync(Backend.Sqlite, Role("web"));

        Assert.Null(app.Instance.Services.GetService<JobRunner>());
        var hosted = app.Instance.Services.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, service => service is JobRunner or IntegrityCheck);
        Assert.Contains(hosted, service => service is StagingSweeper);
        using var browser = app.CreateBrowser();
        using var signIn = await browser.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task WorkerRole_MapsNoPagesNorApi_ButAnswersTheProbes_AndRunsTheJobs()
    {
        await using var app = await TestApp.StartAsync(Backend.Sqlite, Role("worker"));

        using var browser = app.CreateBrowser();
        foreach (var path in new[] { "/", "/login", "/documents", "/api/me", "/files/1", "/openapi/v1.json" })
        {
            using var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} on a worker answered {(int)response.StatusCode}");
        }

        foreach (var probe in new[] { "/healthz", "/readyz" })
        {
            using var response = await browser.GetAsync(probe);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var hosted = app.Instance.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, service => service is JobRunner);
        Assert.Contains(hosted, service => service is IntegrityCheck);
        Assert.DoesNotContain(hosted, service => service is StagingSweeper);
    }

    [Fact]
    public async Task DefaultRole_IsAll_AsTheEmbeddedDeploymentAlwaysWas()
    {
        await using var app = await TestApp.StartAsync(Backend.Sqlite);

        var hosted = app.Instance.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, service => service is JobRunner);
        Assert.Contains(hosted, service => service is StagingSweeper);
        using var browser = app.CreateBrowser();
        using var signIn = await browser.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public void WorkerCommand_SetsTheWorkerRole_AfterTheOtherArguments_SoItWins()
    {
        Assert.Equal(["--Instance:Role=web", "--Instance:Role=worker"], WorkerCommand.ConfigurationArgs(["worker", "--Instance:Role=web"]));
        Assert.Equal(["--urls=http://x"], WorkerCommand.ConfigurationArgs(["--urls=http://x"]));
        var configuration = new ConfigurationBuilder().AddCommandLine(WorkerCommand.ConfigurationArgs(["worker", "--Instance:Role=web"])).Build();
        Assert.Equal(InstanceRole.Worker, configuration.GetInstanceRole());
    }

    [Theory]
    [InlineData(null, InstanceRole.All)]
    [InlineData("All", InstanceRole.All)]
    [InlineData("web", InstanceRole.Web)]
    [InlineData(" WORKER ", InstanceRole.Worker)]
    public void Role_IsReadWhateverItsCase(string? value, InstanceRole expected) =>
        Assert.Equal(expected, new ConfigurationBuilder().AddInMemoryCollection(Role(value)).Build().GetInstanceRole());

    [Fact]
    public void UnknownRole_StopsTheStart_RatherThanGuess()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Role("workers")).Build();
        var refused = Assert.Throws<InvalidOperationException>(() => configuration.GetInstanceRole());
        Assert.Contains("all, web or worker", refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Role(string? role) => new() { [InstanceRoles.Key] = role };
}
