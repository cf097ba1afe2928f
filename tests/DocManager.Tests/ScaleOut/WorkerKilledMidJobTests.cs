using DocManager.Extraction;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// A worker killed (SIGKILL) while it runs a job leaves the job leased to it; once the lease
/// (`Jobs:Lease`) runs out, the other worker claims it and finishes it.
/// </summary>
public sealed class WorkerKilledMidJobTests(WebOnlyCluster cluster) : IClassFixture<WebOnlyCluster>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task WorkerKilledWhileRunningAJob_LeavesItToTheOtherWorker_AfterTheLease()
    {
        // GIVEN an upload through the web instance, whose job waits: the web instance runs none. A Word
        // file, so that reading its text is its only job (without an Office converter it gets no preview).
        using var browser = cluster.Browser();
        await browser.RegisterNewUserAsync();
        var id = await browser.UploadDocumentAsync(TextDocuments.Docx("sighting.docx", "Sighting of an okapi near the river."));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var waiting = Assert.Single(await cluster.JobsAsync());
        Assert.Equal((id, 0, (string?)null), (waiting.DocumentId, waiting.Attempts, waiting.LockedBy));

        // …and its stored file swapped for a named pipe: the worker that opens it waits there for
        // good, a job that is slow on demand. The real file is kept aside.
        var stored = await cluster.StoredPathAsync(id);
        File.Move(stored, stored + ".aside");
        await Processes.RunAsync("mkfifo", stored);

        // WHEN two workers start and one of them claims the job and is killed while it runs it
        var settings = new Dictionary<string, string?> { ["Jobs:Lease"] = Lease.ToString() };
        var workers = await Task.WhenAll(cluster.StartWorkerAsync("worker-1", settings), cluster.StartWorkerAsync("worker-2", settings));
        WorkerSteps.JobRow claimed = waiting;
        await Processes.WaitUntilAsync("a worker to claim the job", TimeSpan.FromSeconds(10),
            async () => (claimed = Assert.Single(await cluster.JobsAsync())).LockedBy is not null);
        var victim = workers.Single(claimed.HeldBy);
        var survivor = workers.Single(w => w != victim);
        await victim.KillAsync();
        File.Delete(stored);
        File.Move(stored + ".aside", stored);

        // THEN the job stays with the dead worker while its lease lasts…
        var held = Assert.Single(await cluster.JobsAsync());
        Assert.True(held.HeldBy(victim), $"the job was taken from the killed worker before its lease ran out (held by {held.LockedBy})");

        // …then the other worker claims it, runs it to the end, and the file's text is searchable
        IReadOnlyList<int> found = [];
        await Processes.WaitUntilAsync("the text to be searchable", Lease + TimeSpan.FromSeconds(30),
            async () => (found = await browser.ListIdsAsync("/search?q=okapi")).Contains(id), () => $"/search?q=okapi listed [{string.Join(", ", found)}]");
        // (a job's row is deleted just after its work commits, and its log line follows that)
        await Processes.WaitUntilAsync("the survivor to log the job", TimeSpan.FromSeconds(10),
            () => Task.FromResult(survivor.RanJobs(ExtractTextJob.JobKind).Count > 0));
        Assert.Empty(await cluster.JobsAsync());
        Assert.Equal([(claimed.Id, 2)], survivor.RanJobs(ExtractTextJob.JobKind));
        Assert.Equal([$"/documents/{id}"], await cluster.IndexedNotificationLinksAsync());
    }
}
