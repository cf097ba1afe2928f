using DocManager.Storage;

namespace DocManager.Intake;

/// <summary>
/// Cleans up after uploads that a crash interrupted, at start-up and every few minutes: a staged file
/// older than <see cref="StaleAfter"/> belongs to no upload in progress and is deleted. No row ever
/// refers to a staged file (files are put into the store before their rows are committed), so there is
/// nothing to complete; uploads still being written are recent and left alone.
/// </summary>
internal sealed partial class StagingSweeper(IFileStore store, TimeProvider clock, ILogger<StagingSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>The first sweep runs at start-up, clearing what a crash of this instance left in staging.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        SweepSafely();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await Delay(stoppingToken))
        {
            SweepSafely();
        }
    }

    private void SweepSafely()
    {
        try
        {
            Sweep();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogFailed(exception);
        }
    }

    public int Sweep()
    {
        var deleted = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var path in Directory.EnumerateFiles(store.StagingDirectory))
        {
            if (now - File.GetLastWriteTimeUtc(path) < StaleAfter)
            {
                continue;
            }

            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (IOException exception)
            {
                LogNotDeleted(exception, path);
            }
        }

        if (deleted > 0)
        {
            LogDeleted(deleted);
        }

        return deleted;
    }

    private async Task<bool> Delay(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Interval, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the stale staged file {Path}; will retry")]
    private partial void LogNotDeleted(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stale staged upload files")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping staged uploads failed; will retry")]
    private partial void LogFailed(Exception exception);
}
