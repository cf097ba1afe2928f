namespace DocManager.Jobs;

/// <summary>Runs jobs of one kind. Throwing fails the attempt; the job is retried with back-off.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(Job job, CancellationToken cancellationToken);
}
