using DocManager.Data;
using DocManager.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Infrastructure;

public static class JobSteps
{
    /// <summary>
    /// Waits until no job is due or running: the app's own worker runs them as soon as they are
    /// enqueued; this also runs due ones itself, so the wait is short either way. If they do not
    /// finish, the failure names each job still pending and its last error, not just the time.
    /// </summary>
    public static async Task WaitForJobsAsync(this TestApp app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<Job> pending;
        do
        {
            await app.Instance.Service<JobRunner>().RunDueAsync(TestContext.Current.CancellationToken);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            pending = await app.Instance.WithScopeAsync<AppDbContext, List<Job>>(db => db.Jobs.AsNoTracking()
                .Where(j => j.FailedAt == null && (j.RunAfter <= now || j.LockedUntil != null)).OrderBy(j => j.Id).ToListAsync());
            if (pending.Count == 0)
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("Background jobs did not finish within 30 seconds; still pending: " + string.Join("; ", pending.Select(j =>
            $"{j.Kind} of document {j.DocumentId} (attempt {j.Attempts}, held by {j.LockedBy ?? "no one"} until {j.LockedUntil:O}, last error: {j.LastError ?? "none"})")));
    }

    public static Task<List<Job>> JobsAsync(this TestApp app) =>
        app.Instance.WithScopeAsync<AppDbContext, List<Job>>(db => db.Jobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync());
}
