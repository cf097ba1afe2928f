using DocManager.Data;

namespace DocManager.Jobs;

/// <summary>Adds jobs to the database in the caller's unit of work; they run once it commits.</summary>
public sealed class JobScheduler(AppDbContext db, JobSignal signal, TimeProvider clock)
{
    public void Enqueue(string kind, int? documentId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Jobs.Add(new Job { Kind = kind, DocumentId = documentId, RunAfter = now, CreatedAt = now });
    }

    /// <summary>Wakes this instance's worker; call after the enqueuing transaction committed.</summary>
    public void Notify() => signal.Notify();
}
