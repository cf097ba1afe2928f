using System.Diagnostics;
using System.Net;
using DocManager.Data;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Data;

/// <summary>
/// Rollouts migrate once (`DocManager migrate`) and start instances with
/// `Database:MigrateOnStart=false`, which check the schema instead of changing it.
/// </summary>
public sealed class MigrateCommandTests
{
    [Theory]
    [OnEachDatabase]
    public async Task MigrateCommand_CreatesTheSchema_AndExits_ThenAnInstanceThatDoesNotMigrateServes(Backend backend)
    {
        await using var environment = await TestEnvironment.CreateAsync(backend);

        var (exitCode, output) = await RunAppAsync(["migrate", .. Arguments(environment)]);

        Assert.True(exitCode == 0, $"`DocManager migrate` exited with {exitCode}:\n{output}");
        await using var app = new DocManagerFactory(environment, new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" });
        var pending = await app.WithScopeAsync<AppDbContext, IEnumerable<string>>(db => db.Database.GetPendingMigrationsAsync());
        var applied = await app.WithScopeAsync<AppDbContext, IEnumerable<string>>(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        using var browser = app.CreateBrowser();
        using var response = await browser.GetAsync("/register");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnInstanceThatDoesNotMigrate_RefusesToStart_OnASchemaItDoesNotKnow()
    {
        await using var environment = await TestEnvironment.CreateAsync(Backend.Sqlite);
        await using var app = new DocManagerFactory(environment, new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DocManager migrate", failure.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Arguments(TestEnvironment environment) =>
        environment.Settings().Select(setting => $"--{setting.Key}={setting.Value}");

    /// <summary>Runs the app's own program (built beside the tests) as a separate process.</summary>
    private static async Task<(int ExitCode, string Output)> RunAppAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocManager.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
