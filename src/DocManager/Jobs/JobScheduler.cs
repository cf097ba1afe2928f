using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Jobs;

/// <summary>Adds jobs to the database in the caller's unit of work; they run once it commits.</summary>
public sealed class JobScheduler(AppDbContext db, JobSignal signal, TimeProvider clock)
{
    /// <summary>Who holds a job that must not start until its creator has finished its own steps.</summary>
    public const string HeldByCreator = "creator";

    /// <summary>How long a held job waits if its creator never releases it (the process died).</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Adds a job. With <paramref name="held"/>, the job is leased to its creator, so no worker (on any
    /// instance) takes it before <see cref="ReleaseAsync"/>; if the creator dies first, the lease lapses.
    /// </summary>
    public void Enqueue(string kind, int? documentId, bool held = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Jobs.Add(new Job
        {
            Kind = kind,
            DocumentId = documentId,
            RunAfter = now,
            CreatedAt = now,
            LockedUntil = held ? now + Hold : null,
            LockedBy = held ? HeldByCreator : null,
        });
    }

    /// <summary>Lets workers take the held jobs of these documents, and wakes this instance's worker.</summary>
    public async Task ReleaseAsync(IEnumerable<int> documentIds, CancellationToken cancellationToken)
    {
        var ids = documentIds.ToList();
        await db.Jobs.Where(j => j.DocumentId != null && ids.Contains(j.DocumentId.Value) && j.LockedBy == HeldByCreator)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LockedUntil, (DateTime?)null).SetProperty(j => j.LockedBy, (string?)null), cancellationToken);
        signal.Notify();
    }
}
