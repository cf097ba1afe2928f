namespace DocManager.Jobs;

/// <summary>Runs jobs of one kind. Throwing fails the attempt; the job is retried with back-off.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(Job job, CancellationToken cancellationToken);

    /// <summary>
    /// Called once when the job has failed for the last time, so the handler can record the outcome
    /// where users see it (a preview shown as failed instead of pending forever).
    /// </summary>
    Task GiveUpAsync(Job job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
