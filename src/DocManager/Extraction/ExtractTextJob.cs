using DocManager.Data;
using DocManager.Jobs;
using DocManager.Notifications;
using DocManager.Ocr;
using DocManager.Previews;
using DocManager.Search;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Extraction;

/// <summary>
/// Reads a document's words — from its text layer, or with OCR for images and for PDFs whose pages
/// are pictures (SPEC §8) — stores them, updates the search index, records where they came from and
/// tells the owner, all in one transaction. A file that cannot be read fails only this job; its
/// upload and pages are unaffected.
/// </summary>
public sealed class ExtractTextJob(
    AppDbContext db,
    IFileStore files,
    TextExtractor extractor,
    OcrReader ocr,
    ISearchIndex index,
    NotificationService notifications,
    IOptions<ExtractionLimits> limits,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "extract-text";

    public string Kind => JobKind;

    /// <summary>Whether a file of this type has words this instance can read (from its text, or by OCR).</summary>
    public static bool HasReadableText(string? contentType, bool ocrEnabled) =>
        TextExtractor.Supports(contentType) || (ocrEnabled && OcrReader.Supports(contentType));

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == job.DocumentId && d.StoredName != null)
            .Select(d => new { d.Id, d.OwnerId, d.Title, StoredName = d.StoredName!, ContentType = d.ContentType! })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return; // deleted since
        }

        if (!HasReadableText(document.ContentType, ocr.Enabled))
        {
            await RecordAsync(document.Id, PreviewState.None, null, null, cancellationToken);
            return;
        }

        var extracted = TextExtractor.Supports(document.ContentType) ? await ExtractAsync(document.StoredName, document.ContentType, cancellationToken) : null;
        var source = TextSource.File;
        string? failure = null;
        if (ocr.Enabled && OcrReader.Supports(document.ContentType) && (extracted is null || OcrReader.NeedsOcr(extracted.Text, extracted.Pages)))
        {
            await using var stream = await OpenAsync(document.StoredName, cancellationToken);
            var read = await ocr.ReadAsync(stream, document.ContentType, cancellationToken);
            if (read.Succeeded)
            {
                extracted = new ExtractedText(Snippets.Clean(read.Text!), read.Truncated);
                source = TextSource.Ocr;
            }
            else
            {
                // A scan that cannot be read is failed for good (retrying reads the same pixels); what a
                // text layer held, if anything, is still kept and searchable.
                failure = "OCR " + read.FailureReason;
            }
        }

        var found = !string.IsNullOrWhiteSpace(extracted?.Text);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SaveTextAsync(document.Id, extracted ?? new ExtractedText("", false), cancellationToken);
        var status = found ? PreviewState.Ready : failure is null ? PreviewState.None : PreviewState.Failed;
        await RecordAsync(document.Id, status, found ? source : null, found ? null : failure, cancellationToken);
        if (found)
        {
            notifications.Add(document.OwnerId, NotificationService.Indexed, $"Text of “{document.Title}” is now searchable", $"/documents/{document.Id}");
        }

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

    private async Task<ExtractedText> ExtractAsync(string storedName, string contentType, CancellationToken cancellationToken)
    {
        await using var stream = await OpenAsync(storedName, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Value.Timeout);
        // Parsing is synchronous CPU work: off the request threads, and abandoned if it runs too long.
        return await Task.Run(() => extractor.Extract(stream, contentType, timeout.Token), timeout.Token)
            .WaitAsync(limits.Value.Timeout, cancellationToken);
    }

    private async Task<Stream> OpenAsync(string storedName, CancellationToken cancellationToken) =>
        await files.OpenReadAsync(storedName, cancellationToken) ?? throw new FileNotFoundException("The stored file is missing.");

    private async Task SaveTextAsync(int documentId, ExtractedText extracted, CancellationToken cancellationToken)
    {
        var text = await db.DocumentTexts.FirstOrDefaultAsync(t => t.DocumentId == documentId, cancellationToken);
        if (text is null)
        {
            db.DocumentTexts.Add(text = new DocumentText { DocumentId = documentId, Text = "" });
        }

        text.Text = extracted.Text;
        text.Truncated = extracted.Truncated;
        text.ExtractedAt = clock.GetUtcNow().UtcDateTime;
    }

    private Task<int> RecordAsync(int documentId, string status, string? source, string? error, CancellationToken cancellationToken) =>
        db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.TextStatus, status)
            .SetProperty(d => d.TextSource, source)
            .SetProperty(d => d.TextError, error is null ? null : PreviewState.Reason(error)), cancellationToken);
}
