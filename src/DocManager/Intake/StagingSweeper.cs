using DocManager.Data;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Intake;

/// <summary>
/// Cleans up after uploads that a crash interrupted, at start-up and every few minutes. A staged
/// file whose row was committed is moved into place (the crash came between the two steps); any
/// other stale staged file is deleted. Files still being written are recent and left alone.
/// </summary>
internal sealed partial class StagingSweeper(IServiceScopeFactory scopes, IFileStore store, TimeProvider clock, ILogger<StagingSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>The first sweep runs before the app serves requests, so no half-done upload is ever visible.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SweepSafelyAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await Delay(stoppingToken))
        {
            await SweepSafelyAsync(stoppingToken);
        }
    }

    private async Task SweepSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception);
        }
    }

    public async Task<(int Completed, int Deleted)> SweepAsync(CancellationToken cancellationToken)
    {
        var completed = 0;
        var deleted = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var path in Directory.EnumerateFiles(store.StagingDirectory))
        {
            if (now - File.GetLastWriteTimeUtc(path) < StaleAfter)
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(path);
            if (Path.GetExtension(path) == ".upload" && StoredName.IsValid(name) &&
                await db.Documents.AnyAsync(d => d.StoredName == name, cancellationToken) &&
                !await store.ExistsAsync(name, cancellationToken))
            {
                await store.SaveAsync(name, path, cancellationToken);
                completed++;
                LogCompleted(name);
                continue;
            }

            File.Delete(path);
            deleted++;
        }

        if (deleted > 0)
        {
            LogDeleted(deleted);
        }

        return (completed, deleted);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completed an interrupted upload: moved staged file {Name} into the store")]
    private partial void LogCompleted(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stale staged upload files")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping staged uploads failed; will retry")]
    private partial void LogFailed(Exception exception);
}
