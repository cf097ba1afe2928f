using DocManager.Data;
using DocManager.Jobs;
using DocManager.Notifications;
using DocManager.Previews;
using DocManager.Search;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Extraction;

/// <summary>
/// Extracts a document's text, stores it, updates the search index and tells the owner — all in
/// one transaction. A file that cannot be read fails only this job; its upload and pages are unaffected.
/// </summary>
public sealed class ExtractTextJob(
    AppDbContext db,
    IFileStore files,
    TextExtractor extractor,
    ISearchIndex index,
    NotificationService notifications,
    IOptions<ExtractionLimits> limits,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "extract-text";

    public string Kind => JobKind;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == job.DocumentId && d.StoredName != null)
            .Select(d => new { d.Id, d.OwnerId, d.Title, StoredName = d.StoredName!, d.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return; // deleted since
        }

        if (!TextExtractor.Supports(document.ContentType))
        {
            await db.Documents.Where(d => d.Id == document.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.TextStatus, PreviewState.None), cancellationToken);
            return;
        }

        await using var stream = await files.OpenReadAsync(document.StoredName, cancellationToken)
            ?? throw new FileNotFoundException("The stored file is missing.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Value.Timeout);
        // Parsing is synchronous CPU work: off the request threads, and abandoned if it runs too long.
        var extracted = await Task.Run(() => extractor.Extract(stream, document.ContentType!, timeout.Token), timeout.Token)
            .WaitAsync(limits.Value.Timeout, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var text = await db.DocumentTexts.FirstOrDefaultAsync(t => t.DocumentId == document.Id, cancellationToken);
        if (text is null)
        {
            db.DocumentTexts.Add(new DocumentText
            {
                DocumentId = document.Id,
                Text = extracted.Text,
                Truncated = extracted.Truncated,
                ExtractedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            text.Text = extracted.Text;
            text.Truncated = extracted.Truncated;
            text.ExtractedAt = clock.GetUtcNow().UtcDateTime;
        }

        var found = !string.IsNullOrWhiteSpace(extracted.Text);
        await db.Documents.Where(d => d.Id == document.Id).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.TextStatus, found ? PreviewState.Ready : PreviewState.None)
            .SetProperty(d => d.TextSource, found ? TextSource.File : null)
            .SetProperty(d => d.TextError, (string?)null), cancellationToken);
        notifications.Add(document.OwnerId, NotificationService.Indexed, $"Text of “{document.Title}” is now searchable", $"/documents/{document.Id}");
        await db.SaveChangesAsync(cancellationToken);
        await index.UpdateAsync(document.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifications.PublishAsync(cancellationToken);
    }

    /// <summary>After the last retry (an unreadable file, a store outage): failed, with the reason, not pending forever.</summary>
    public Task GiveUpAsync(Job job, string error, CancellationToken cancellationToken) =>
        db.Documents.Where(d => d.Id == job.DocumentId && d.TextStatus == PreviewState.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.TextStatus, PreviewState.Failed)
                .SetProperty(d => d.TextError, PreviewState.Reason(error)), cancellationToken);
}
