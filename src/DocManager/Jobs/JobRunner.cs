using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Jobs;

/// <summary>
/// The background worker: claims one due job at a time with a lease (on PostgreSQL with
/// `FOR UPDATE SKIP LOCKED`, so several instances never run the same job), runs its handler in a
/// fresh scope, and deletes it, or schedules a retry with back-off, or gives up after
/// <see cref="MaxAttempts"/>. A job whose worker died is claimed again when its lease runs out.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes,
    JobSignal signal,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<JobRunner> logger) : BackgroundService
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// How long a claim holds a job unless `Jobs:Lease` says otherwise: longer than any job runs, since
    /// a lease that runs out while its worker is still busy lets a second worker start the same job.
    /// </summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    private static readonly string Worker = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 64);

    private TimeSpan PollInterval => configuration.GetValue("Jobs:PollInterval", TimeSpan.FromSeconds(5));

    /// <summary>How long a claimed job is left to its worker before another may take it (its worker is presumed dead).</summary>
    public TimeSpan Lease => configuration.GetValue("Jobs:Lease", DefaultLease);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunNextAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogClaimFailed(exception);
                ran = false;
            }

            if (!ran)
            {
                try
                {
                    await signal.WaitAsync(PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Runs every job that is due now, one after another; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (await RunNextAsync(cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>Claims and runs one due job; false when none is due.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await ClaimAsync(db, cancellationToken);
        if (job is null)
        {
            return false;
        }

        var handler = scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind);
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.");
            }

            await RunHoldingLeaseAsync(handler, job, cancellationToken);
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(CancellationToken.None);
            LogRan(job.Kind, job.Id, job.Attempts);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, handler, job, exception);
        }

        return true;
    }

    /// <summary>
    /// Runs the handler while renewing the job's lease every third of its length, so a long job (a
    /// 50-page PDF read by OCR) keeps its claim as long as its worker lives, and a dead worker's job
    /// is free again within one lease.
    /// </summary>
    private async Task RunHoldingLeaseAsync(IJobHandler handler, Job job, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewLeaseAsync(job.Id, done.Token);
        try
        {
            await handler.RunAsync(job, cancellationToken);
        }
        finally
        {
            await done.CancelAsync();
            await renewal;
        }
    }

    private async Task RenewLeaseAsync(long jobId, CancellationToken cancellationToken)
    {
        var lease = Lease;
        while (true)
        {
            try
            {
                await Task.Delay(lease / 3, clock, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + lease;
                await db.Jobs.Where(j => j.Id == jobId && j.LockedBy == Worker)
                    .ExecuteUpdateAsync(set => set.SetProperty(j => j.LockedUntil, until), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database hiccup: the lease still runs, and the next renewal may succeed.
                LogRenewalFailed(exception, jobId);
            }
        }
    }

    private async Task<Job?> ClaimAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var claimed = db.Database.IsNpgsql()
            ? db.Jobs.FromSql($"""
                UPDATE "Jobs" SET "LockedUntil" = {until}, "LockedBy" = {Worker}, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "Jobs"
                    WHERE "FailedAt" IS NULL AND "RunAfter" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "RunAfter", "Id" LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            : db.Jobs.FromSql($"""
                UPDATE "Jobs" SET "LockedUntil" = {until}, "LockedBy" = {Worker}, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "Jobs"
                    WHERE "FailedAt" IS NULL AND "RunAfter" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "RunAfter", "Id" LIMIT 1)
                RETURNING *
                """);
        await foreach (var job in claimed.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            return job;
        }

        return null;
    }

    private async Task RecordFailureAsync(AppDbContext db, IJobHandler? handler, Job job, Exception exception)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var givingUp = job.Attempts >= MaxAttempts;
        // 30 s, 2 min, 8 min, 32 min between attempts.
        var retryAt = now + TimeSpan.FromSeconds(30 * Math.Pow(4, job.Attempts - 1));
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > 1000 ? error[..1000] : error;
        await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.LockedUntil, (DateTime?)null)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.RunAfter, retryAt)
            .SetProperty(j => j.FailedAt, givingUp ? now : null), CancellationToken.None);
        if (givingUp)
        {
            LogGaveUp(exception, job.Kind, job.Id, job.Attempts);
            try
            {
                await (handler?.GiveUpAsync(job, exception.Message, CancellationToken.None) ?? Task.CompletedTask);
            }
            catch (Exception giveUpFailure)
            {
                LogGiveUpFailed(giveUpFailure, job.Kind, job.Id);
            }
        }
        else
        {
            LogRetrying(exception, job.Kind, job.Id, job.Attempts, retryAt);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    // Debug: one line per job is noise in production, but lets the multi-instance tests see who ran what.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ran job {Kind} #{JobId} (attempt {Attempt})")]
    private partial void LogRan(string kind, long jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} #{JobId} failed (attempt {Attempt}); retrying at {RetryAt:O}")]
    private partial void LogRetrying(Exception exception, string kind, long jobId, int attempt, DateTime retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} #{JobId} failed {Attempts} times; giving up")]
    private partial void LogGaveUp(Exception exception, string kind, long jobId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of job #{JobId}; will try again")]
    private partial void LogRenewalFailed(Exception exception, long jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} #{JobId} could not record that it gave up")]
    private partial void LogGiveUpFailed(Exception exception, string kind, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim a job; will try again")]
    private partial void LogClaimFailed(Exception exception);
}
