using DocManager.Data;

namespace DocManager.Jobs;

/// <summary>Adds jobs to the database in the caller's unit of work; they run once it commits.</summary>
public sealed class JobScheduler(AppDbContext db, IJobWakeUp wakeUp, TimeProvider clock)
{
    /// <summary>Adds a job; workers (on any instance) can take it as soon as the caller's transaction commits.</summary>
    public void Enqueue(string kind, int? documentId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Jobs.Add(new Job
        {
            Kind = kind,
            DocumentId = documentId,
            RunAfter = now,
            CreatedAt = now,
        });
    }

    /// <summary>After a commit that added jobs: workers look at once instead of at their next poll.</summary>
    public void Wake() => wakeUp.Wake();
}
