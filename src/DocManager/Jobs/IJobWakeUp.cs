namespace DocManager.Jobs;

/// <summary>Tells workers that jobs were just enqueued, so they run now rather than at their next poll.</summary>
public interface IJobWakeUp
{
    /// <summary>Best effort: a wake-up that is lost only delays the jobs until the next poll (`Jobs:PollInterval`).</summary>
    void Wake();
}

/// <summary>Without Redis: only this instance's own runner can be woken; other instances poll.</summary>
internal sealed class LocalJobWakeUp(JobSignal signal) : IJobWakeUp
{
    public void Wake() => signal.Notify();
}
