using DocManager.Data;
using DocManager.Extraction;
using DocManager.Jobs;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ISearchIndex = DocManager.Search.ISearchIndex;

namespace DocManager.Tests.Jobs;

/// <summary>A job whose worker died while holding it is left alone until its lease runs out, then run by another worker.</summary>
public sealed class JobLeaseTests
{
    private const string DeadWorker = "crashed-host:4242:0";

    [Theory]
    [OnEachDatabase]
    public async Task AJobClaimedByAWorkerThatDied_RunsAfterARestartOnceItsLeaseExpires(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        var cookies = new System.Net.CookieContainer();
        int id;
        string userName;
        using (var before = new Browser(app.Instance, cookies))
        {
            userName = await before.RegisterNewUserAsync();
            id = await before.UploadDocumentAsync(TestFile.Text("memo.txt", "Call the quetzal breeder on Friday.\n"), new KeyValuePair<string, string>("title", "Breeder memo"));
            await app.WaitForJobsAsync();
        }

        // GIVEN the extraction was claimed by a worker that then died: the text is not stored yet and
        // the job is leased to that worker for the lease's full length.
        var claimedAt = app.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = app.Instance.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cancellation = TestContext.Current.CancellationToken;
            await db.DocumentTexts.ExecuteDeleteAsync(cancellation);
            await db.Notifications.ExecuteDeleteAsync(cancellation);
            await scope.ServiceProvider.GetRequiredService<ISearchIndex>().UpdateAsync(id, cancellation);
            db.Jobs.Add(new Job
            {
                Kind = ExtractTextJob.JobKind,
                DocumentId = id,
                Attempts = 1,
                RunAfter = claimedAt,
                CreatedAt = claimedAt,
                LockedUntil = claimedAt + JobRunner.DefaultLease,
                LockedBy = DeadWorker,
            });
            await db.SaveChangesAsync(cancellation);
        }

        await app.RestartAsync();
        using var browser = new Browser(app.Instance, cookies);

        // WHEN the lease has not run out, no one touches the job.
        Assert.Equal(0, await app.Instance.Service<JobRunner>().RunDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DeadWorker, Assert.Single(await app.JobsAsync()).LockedBy);
        await browser.AssertFindsAsync("quetzal");

        // THEN once it has, the new instance runs it and the text becomes searchable.
        app.Clock.Advance(JobRunner.DefaultLease + TimeSpan.FromSeconds(1));
        await app.WaitForJobsAsync();

        Assert.Empty(await app.JobsAsync());
        await browser.AssertFindsAsync("quetzal", id);
        var indexed = Assert.Single(await app.NotificationsAsync(await app.UserIdAsync(userName)));
        Assert.Equal("indexed", indexed.Kind);
    }
}
