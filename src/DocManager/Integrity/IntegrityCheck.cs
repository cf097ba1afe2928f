using System.Security.Cryptography;
using DocManager.Data;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Integrity;

/// <summary>
/// Periodically re-hashes every stored file against the SHA-256 recorded at upload, reports files
/// that are missing or changed (log and `/readyz`), and deletes stored files no row refers to once
/// they are older than `Integrity:OrphanGrace`. Every instance keeps the timer, but
/// <see cref="IntegrityRunLock"/> lets only one of them check at a time: two runs at once would double
/// the disk load and race each other over the same orphans.
/// </summary>
public sealed partial class IntegrityCheck(
    IServiceScopeFactory scopes,
    IFileStore store,
    IntegrityReport report,
    IntegrityRunLock runLock,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<IntegrityCheck> logger) : BackgroundService
{
    private const int Batch = 500;

    /// <summary>How old a stored file with no row must be before it counts as an orphan (an upload takes far less).</summary>
    public TimeSpan OrphanGrace => configuration.GetValue("Integrity:OrphanGrace", TimeSpan.FromHours(1));

    private TimeSpan Interval => configuration.GetValue("Integrity:Interval", TimeSpan.FromHours(6));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(configuration.GetValue("Integrity:FirstRunAfter", TimeSpan.FromMinutes(1)), clock, stoppingToken);
            do
            {
                try
                {
                    // Another instance checking right now covers this round; the next comes after Interval.
                    if (await TryRunAsync(stoppingToken) is null)
                    {
                        LogSkipped();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(exception);
                }

                await Task.Delay(Interval, clock, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Checks every file, after waiting for a run on any other instance to finish.</summary>
    public async Task<IntegrityResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var held = await runLock.AcquireAsync(cancellationToken);
        return await CheckAsync(cancellationToken);
    }

    /// <summary>Checks every file, unless a run is under way here or on another instance (then null).</summary>
    public async Task<IntegrityResult?> TryRunAsync(CancellationToken cancellationToken)
    {
        await using var held = await runLock.TryAcquireAsync(cancellationToken);
        return held is null ? null : await CheckAsync(cancellationToken);
    }

    private async Task<IntegrityResult> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var missing = new List<int>();
        var corrupted = new List<int>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var checkedCount = 0;
        var lastId = 0L;
        while (true)
        {
            // Every version of every document: an old version is as much the user's as the current one.
            var page = await db.DocumentVersions.AsNoTracking()
                .Where(v => v.Id > lastId)
                .OrderBy(v => v.Id).Take(Batch)
                .Select(v => new { v.Id, v.DocumentId, v.StoredName, v.Sha256 })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var file in page)
            {
                known.Add(file.StoredName);
                checkedCount++;
                await using var stream = await store.OpenReadAsync(file.StoredName, cancellationToken);
                // A version deleted while the check runs loses its file after its row: not a loss.
                if (stream is null && await db.DocumentVersions.AnyAsync(v => v.Id == file.Id, cancellationToken))
                {
                    AddOnce(missing, file.DocumentId);
                    LogMissing(file.DocumentId, file.StoredName);
                }
                else if (stream is not null && !string.Equals(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)), file.Sha256, StringComparison.Ordinal))
                {
                    AddOnce(corrupted, file.DocumentId);
                    LogCorrupted(file.DocumentId, file.StoredName);
                }
            }

            lastId = page[^1].Id;
        }

        var orphans = 0;
        var orphanedBefore = clock.GetUtcNow() - OrphanGrace;
        await foreach (var file in store.ListAsync(cancellationToken))
        {
            // Files go into the store before their rows are committed, so a young file with no row may
            // be an upload still committing (on any instance); only one older than the grace period is
            // garbage: a crash between the two steps, or a failed delete.
            if (file.LastModified < orphanedBefore && !known.Contains(file.Name) && !await IsReferencedAsync(db, file.Name, cancellationToken))
            {
                await store.DeleteAsync(file.Name, cancellationToken);
                LogOrphanRemoved(file.Name, file.LastModified);
                orphans++;
            }
        }

        var result = new IntegrityResult(clock.GetUtcNow().UtcDateTime, checkedCount, missing, corrupted, orphans);
        report.Latest = result;
        return result;
    }

    /// <summary>A document's file, or a preview image of the previews a document currently shows (older ones are garbage).</summary>
    private static Task<bool> IsReferencedAsync(AppDbContext db, string name, CancellationToken cancellationToken)
    {
        if (StoredName.IsPreview(name))
        {
            var stem = StoredName.StemOf(name);
            return db.Documents.AnyAsync(d => d.PreviewKey == stem, cancellationToken);
        }

        return db.DocumentVersions.AnyAsync(v => v.StoredName == name, cancellationToken);
    }

    /// <summary>A document is reported once, however many of its versions are damaged.</summary>
    private static void AddOnce(List<int> documents, int documentId)
    {
        if (!documents.Contains(documentId))
        {
            documents.Add(documentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity check: the file of document {DocumentId} ({Name}) is missing")]
    private partial void LogMissing(int documentId, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity check: the file of document {DocumentId} ({Name}) does not match its SHA-256")]
    private partial void LogCorrupted(int documentId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrity check skipped: another instance is running it")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrity check: removed stored file {Name} (written {LastModified:u}), which no document refers to")]
    private partial void LogOrphanRemoved(string name, DateTimeOffset lastModified);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrity check failed; will retry")]
    private partial void LogFailed(Exception exception);
}

public sealed record IntegrityResult(DateTime FinishedAt, int Checked, IReadOnlyList<int> Missing, IReadOnlyList<int> Corrupted, int OrphansRemoved)
{
    public bool Healthy => Missing.Count == 0 && Corrupted.Count == 0;
}

/// <summary>The latest integrity result, for `/readyz`.</summary>
public sealed class IntegrityReport
{
    public IntegrityResult? Latest { get; set; }
}
