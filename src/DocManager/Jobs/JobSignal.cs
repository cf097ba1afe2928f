namespace DocManager.Jobs;

/// <summary>Wakes the worker as soon as a job is enqueued, instead of waiting for its next poll.</summary>
public sealed class JobSignal
{
    private TaskCompletionSource _next = NewSource();

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Waits for a notification or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notified = Volatile.Read(ref _next).Task;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, clock, stop.Token);
        await Task.WhenAny(notified, delay);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
