using System.Globalization;
using DocManager.Data;
using DocManager.Extraction;
using DocManager.Jobs;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Jobs;

/// <summary>With several instances on one PostgreSQL database, every job runs exactly once (`FOR UPDATE SKIP LOCKED`).</summary>
public sealed class ConcurrentJobRunnerTests
{
    private const int Files = 40;
    private const int RunnersPerInstance = 6;

    [Fact]
    public async Task TwoInstancesRunningJobsAtOnce_RunEachJobExactlyOnce()
    {
        var settings = new Dictionary<string, string?> { ["Limits:MaxFilesPerUpload"] = Files.ToString(CultureInfo.InvariantCulture) };
        await using var app = await TestApp.StartAsync(Backend.Postgres, settings);
        var first = app.Instance;
        var second = app.StartInstance();
        using var browser = await first.NewUserAsync();
        var files = Enumerable.Range(1, Files).Select(i => TestFile.Text($"note-{i:D2}.txt", $"Note number {i} about the pangolin.\n")).ToList();
        using (var upload = await browser.UploadAsync(files))
        {
            Assert.Equal(System.Net.HttpStatusCode.SeeOther, upload.StatusCode);
        }

        await app.WaitForJobsAsync();
        var documents = (await app.DocumentsAsync()).Select(d => d.Id).ToList();
        Assert.Equal(Files, documents.Count);

        // GIVEN a job per document queued in bulk without waking any worker (as the search migration
        // queues the existing documents), with the extracted text and notifications cleared.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await first.WithScopeAsync<AppDbContext, int>(async db =>
        {
            await db.DocumentTexts.ExecuteDeleteAsync();
            await db.Notifications.ExecuteDeleteAsync();
            db.Jobs.AddRange(documents.Select(id => new Job { Kind = ExtractTextJob.JobKind, DocumentId = id, RunAfter = now, CreatedAt = now }));
            return await db.SaveChangesAsync();
        });

        // WHEN both instances claim and run them side by side, several runners each.
        var cancellation = TestContext.Current.CancellationToken;
        using var start = new ManualResetEventSlim();
        var runners = Enumerable.Range(0, 2 * RunnersPerInstance)
            .Select(i => Task.Run(() =>
            {
                start.Wait(cancellation);
                return (i % 2 == 0 ? first : second).Service<JobRunner>().RunDueAsync(cancellation);
            }, cancellation))
            .ToList();
        start.Set();
        var ran = (await Task.WhenAll(runners)).Sum();

        // THEN every job was claimed once: one run, one notification and one text per document. (An
        // instance's own worker may still take a job or two as it finishes its last loop, so runs
        // counted here can fall short of the jobs, but never exceed them.)
        Assert.InRange(ran, 1, Files);
        Assert.Empty(await app.JobsAsync());
        var indexed = (await app.NotificationsAsync(browser)).Where(n => n.Kind == "indexed").Select(n => n.Link!).ToList();
        Assert.Equal(documents.Select(id => $"/documents/{id}").Order(StringComparer.Ordinal), indexed.Order(StringComparer.Ordinal));
        var texts = await first.WithScopeAsync<AppDbContext, List<int>>(db => db.DocumentTexts.Select(t => t.DocumentId).ToListAsync());
        Assert.Equal(documents.Order(), texts.Order());
    }
}
