using DocManager.Data;
using DocManager.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Infrastructure;

public static class JobSteps
{
    /// <summary>
    /// Waits until no job is due or running: the app's own worker runs them as soon as they are
    /// enqueued; this also runs due ones itself, so the wait is short either way.
    /// </summary>
    public static async Task WaitForJobsAsync(this TestApp app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await app.Instance.Service<JobRunner>().RunDueAsync(TestContext.Current.CancellationToken);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var pending = await app.Instance.WithScopeAsync<AppDbContext, int>(db => db.Jobs.CountAsync(j =>
                j.FailedAt == null && (j.RunAfter <= now || j.LockedUntil != null)));
            if (pending == 0)
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("Background jobs did not finish within 30 seconds.");
    }

    public static Task<List<Job>> JobsAsync(this TestApp app) =>
        app.Instance.WithScopeAsync<AppDbContext, List<Job>>(db => db.Jobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync());
}
