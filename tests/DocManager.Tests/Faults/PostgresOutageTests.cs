using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Faults;

/// <summary>
/// PostgreSQL (data, and here sessions too) restarts: while it is down, requests answer 503 quickly
/// and change nothing; when it is back the app reconnects by itself (stale pooled connections are
/// dropped) and the user's session, kept in the database, goes on. Each test has its own cluster.
/// </summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task PostgresDown_PagesApiAndSignInAnswer503Quickly_AndTheSameSessionWorksWhenItReturns()
    {
        await using var postgres = await DisposablePostgresCluster.StartAsync();
        await using var app = await TestApp.StartAsync(Backend.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = postgres.ConnectionString });
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf());
        var api = browser.Api();
        await api.CsrfTokenAsync();
        using var visitor = app.CreateBrowser();
        await visitor.GetPageAsync("/login");

        await postgres.StopAsync();

        await OutageSteps.AssertUnavailablePageAsync(() => browser.GetAsync("/documents"));
        await OutageSteps.AssertUnavailableProblemAsync(() => api.GetAsync("/api/me"));
        await OutageSteps.AssertUnavailableProblemAsync(() => api.UploadAsync([TestFile.Pdf("during-the-outage.pdf")]));
        await OutageSteps.AssertUnavailablePageAsync(() => visitor.SignInAsync(browser.UserName));
        await OutageSteps.AssertAliveButNotReadyAsync(browser, "database");

        await postgres.StartAgainAsync();
        await OutageSteps.WaitUntilReadyAsync(browser);

        await browser.GetPageAsync("/documents");
        var me = await api.GetJsonAsync("/api/me");
        Assert.Equal(1, me.GetProperty("documentCount").GetInt32());
        using var signIn = await visitor.SignInAsync(browser.UserName);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Single(await app.DocumentsAsync());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.FilesRoot(), ".staging")));
        await app.AssertIntegrityIntactAsync(expectedFiles: 1);
    }

    [Fact]
    public async Task PostgresRestartedWhileIdle_AtMostOneRequestMeetsADeadPooledConnection_ThenTheSessionGoesOn()
    {
        // GIVEN pooled connections that PostgreSQL cut when it restarted, with no request in between to notice
        await using var postgres = await DisposablePostgresCluster.StartAsync();
        await using var app = await TestApp.StartAsync(Backend.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = postgres.ConnectionString });
        using var browser = await app.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf());
        await postgres.StopAsync();
        await postgres.StartAgainAsync();

        // WHEN the user comes back
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await browser.GetAsync("/documents");
            statuses.Add(response.StatusCode);
        }

        // THEN a dead connection costs at most one quick 503, after which the pool is fresh
        TestContext.Current.TestOutputHelper?.WriteLine($"after the restart: {string.Join(", ", statuses)}");
        Assert.True(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable) <= 1 && statuses[^1] == HttpStatusCode.OK, string.Join(", ", statuses));
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        await app.AssertIntegrityIntactAsync(expectedFiles: 1);
    }
}
