namespace DocManager.Sessions;

/// <summary>
/// Deletes the database rows of sessions that have ended. Expired sessions are already refused
/// on use; this only keeps the table small. (Redis expires its keys by itself.)
/// </summary>
internal sealed partial class ExpiredSessionSweeper(IServiceScopeFactory scopes, ILogger<ExpiredSessionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<DatabaseSessionStore>().RemoveExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    LogSwept(removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired sessions")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired sessions failed; will retry")]
    private partial void LogFailed(Exception exception);
}
