using DocManager.Extraction;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// A web-only instance and two worker instances (`DocManager worker`) on one PostgreSQL, Redis and
/// files folder: uploads taken by the web instance are extracted by the workers, each job exactly once,
/// and the web instance runs none.
/// </summary>
public sealed class WorkerInstancesTests(WebOnlyCluster cluster) : IClassFixture<WebOnlyCluster>
{
    private static readonly string[] Words = ["armadillo", "bandicoot", "capybara", "dugong", "echidna", "fossa", "gharial", "hoatzin"];

    [Fact]
    public async Task UploadsThroughTheWebInstance_AreExtractedByTheWorkers_EachJobOnce()
    {
        // GIVEN two workers that poll only once a minute, so only the Redis wake-up can make them prompt
        var slowPoll = new Dictionary<string, string?> { ["Jobs:PollInterval"] = "00:01:00" };
        var workers = await Task.WhenAll(cluster.StartWorkerAsync("worker-1", slowPoll), cluster.StartWorkerAsync("worker-2", slowPoll));
        using var browser = cluster.Browser();
        await browser.RegisterNewUserAsync();

        // WHEN files are uploaded through the web instance
        var ids = new List<int>();
        foreach (var (word, n) in Words.Select((word, n) => (word, n)))
        {
            ids.Add(await browser.UploadDocumentAsync(TestFile.Text($"notes-{n}.txt", $"Field notes on the {word}.\n")));
        }

        // THEN every file's text (not its name, which is searchable at once) is found within seconds…
        foreach (var (word, id) in Words.Zip(ids))
        {
            IReadOnlyList<int> found = [];
            await Processes.WaitUntilAsync($"the notes on the {word} to be searchable by their text", TimeSpan.FromSeconds(30),
                async () => (found = await browser.ListIdsAsync("/search?q=" + word)).Contains(id), () => $"/search?q={word} listed [{string.Join(", ", found)}]");
        }

        // …every job ran exactly once, on a worker: the queue is empty, each document was announced
        // as searchable once, and the workers' logs name each job once between them
        // (a job's row is deleted just after its work commits, and its log line follows that)
        await Processes.WaitUntilAsync("the job queue to empty", TimeSpan.FromSeconds(10), async () => (await cluster.JobsAsync()).Count == 0);
        List<(long JobId, int Attempt)> ran = [];
        await Processes.WaitUntilAsync("the workers to log every job", TimeSpan.FromSeconds(10),
            () => Task.FromResult((ran = [.. workers.SelectMany(w => w.RanJobs(ExtractTextJob.JobKind))]).Count >= Words.Length));
        Assert.Equal(ids.Select(id => $"/documents/{id}").Order(), (await cluster.IndexedNotificationLinksAsync()).Order());
        Assert.Equal(Words.Length, ran.Count);
        Assert.Equal(Words.Length, ran.Select(job => job.JobId).Distinct().Count());
        Assert.Empty(cluster.Web.RanJobs(ExtractTextJob.JobKind));
    }
}
