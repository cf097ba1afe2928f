using DocManager.Data;
using DocManager.Jobs;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocManager.Tests.Jobs;

/// <summary>
/// A job that runs longer than its lease (OCR of a long scan) keeps it while its worker lives: the
/// runner renews the lease, so no second worker starts the same job, and it runs once.
/// </summary>
public sealed class LeaseRenewalTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [OnEachDatabase]
    public async Task AJobLongerThanItsLease_KeepsItWhileItRuns_AndRunsOnce(Backend backend)
    {
        var gate = new SlowJobGate();
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Jobs:Lease"] = Lease.ToString() }, services: services =>
        {
            services.AddSingleton(gate);
            services.AddScoped<IJobHandler, SlowJob>();
        });

        // GIVEN a worker has started a slow job
        await EnqueueAsync(app);
        var runner = app.Instance.Service<JobRunner>();
        var worker = Task.Run(() => runner.RunNextAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var claimedUntil = (await SlowJobRowAsync(app)).LockedUntil!.Value;

        // WHEN more than the lease passes while it runs (in steps, as a worker's clock would)
        for (var step = 0; step < 4; step++)
        {
            var before = (await SlowJobRowAsync(app)).LockedUntil!.Value;
            app.Clock.Advance(Lease / 3);
            await Processes.WaitUntilAsync("the lease to be renewed", TimeSpan.FromSeconds(10),
                async () => (await SlowJobRowAsync(app)).LockedUntil > before);
        }

        // THEN no other worker may claim it: its lease runs past what it first was
        Assert.True(app.Clock.GetUtcNow().UtcDateTime > claimedUntil, "the clock did not pass the first lease");
        Assert.False(await runner.RunNextAsync(TestContext.Current.CancellationToken));
        gate.Release.SetResult();
        Assert.True(await worker);
        Assert.Empty(await app.JobsAsync());
        Assert.Equal(1, gate.Runs);
    }

    private static Task<int> EnqueueAsync(TestApp app) =>
        app.Instance.WithScopeAsync<AppDbContext, int>(db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Jobs.Add(new Job { Kind = SlowJob.JobKind, RunAfter = now, CreatedAt = now });
            return db.SaveChangesAsync();
        });

    private static async Task<Job> SlowJobRowAsync(TestApp app) =>
        Assert.Single(await app.JobsAsync(), j => j.Kind == SlowJob.JobKind);

    /// <summary>Lets the test hold a running job as long as it likes, and count its runs.</summary>
    private sealed class SlowJobGate
    {
        private int runs;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => runs;

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            Started.TrySetResult();
            return Release.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class SlowJob(SlowJobGate gate) : IJobHandler
    {
        public const string JobKind = "slow-test";

        public string Kind => JobKind;

        public Task RunAsync(Job job, CancellationToken cancellationToken) => gate.RunAsync(cancellationToken);
    }
}
