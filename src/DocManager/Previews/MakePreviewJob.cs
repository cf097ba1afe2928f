using DocManager.Data;
using DocManager.Jobs;
using DocManager.Notifications;
using DocManager.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Previews;

/// <summary>
/// Makes a document's thumbnail and page images in the background (SPEC §8), stores them, and records
/// the outcome on the document: ready, none (a type without pictures) or failed with the reason.
/// A file that cannot be previewed fails at once and for good — retrying would only fail again — while
/// a store or database outage throws, so the job is retried with back-off.
/// </summary>
public sealed class MakePreviewJob(
    AppDbContext db,
    IFileStore store,
    PreviewMaker maker,
    PreviewFiles previews,
    NotificationService notifications,
    IOptions<PreviewOptions> options) : IJobHandler
{
    public const string JobKind = "preview";

    public string Kind => JobKind;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == job.DocumentId && d.StoredName != null)
            .Select(d => new { d.Id, d.OwnerId, StoredName = d.StoredName!, d.ContentType, d.PreviewKey, d.PreviewPages })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return; // deleted since, or a note
        }

        var kind = PreviewKinds.For(document.ContentType, options.Value.OfficeConfigured);
        var result = kind == PreviewKind.None ? null : await MakeAsync(kind, document.StoredName, document.ContentType!, cancellationToken);
        var set = result?.Set;
        var stem = set is null ? null : await previews.SaveAsync(set, cancellationToken);
        var status = result is null ? PreviewState.None : set is null ? PreviewState.Failed : PreviewState.Ready;
        var error = result?.FailureReason is { } reason ? PreviewState.Reason(reason) : null;
        if (!await RecordAsync(document.Id, document.StoredName, status, error, set?.Pages.Count ?? 0, stem, cancellationToken))
        {
            // The document was deleted or got another file meanwhile: these images show nothing.
            if (stem is not null)
            {
                await previews.DeleteAsync(stem, set!.Pages.Count);
            }

            return;
        }

        if (document.PreviewKey is { } replaced)
        {
            await previews.DeleteAsync(replaced, document.PreviewPages);
        }

        if (result is not null)
        {
            // Open pages swap their placeholder for the picture (or for the type's icon when it failed).
            // The link names the document either way: pages find their placeholders by its id.
            var viewers = await db.Shares.Where(s => s.DocumentId == document.Id).Select(s => s.UserId).ToListAsync(cancellationToken);
            await notifications.PublishLiveAsync([document.OwnerId, .. viewers], NotificationService.PreviewReady,
                status, stem is null ? $"/documents/{document.Id}" : PreviewUrls.Thumbnail(document.Id, stem), cancellationToken);
        }
    }

    private async Task<PreviewResult> MakeAsync(PreviewKind kind, string storedName, string contentType, CancellationToken cancellationToken)
    {
        await using var file = await store.OpenReadAsync(storedName, cancellationToken)
            ?? throw new FileNotFoundException("The stored file is missing.");
        return await maker.MakeAsync(kind, file, contentType, cancellationToken);
    }

    /// <summary>After the last retry of a store or database failure: the preview is failed, not pending forever.</summary>
    public Task GiveUpAsync(Job job, string error, CancellationToken cancellationToken) =>
        db.Documents.Where(d => d.Id == job.DocumentId && d.PreviewStatus == PreviewState.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.PreviewStatus, PreviewState.Failed)
                .SetProperty(d => d.PreviewError, PreviewState.Reason(error)), cancellationToken);

    /// <summary>Records the outcome unless the document is gone or has another file by now; false then.</summary>
    private async Task<bool> RecordAsync(int id, string storedName, string status, string? error, int pages, string? stem, CancellationToken cancellationToken) =>
        await db.Documents.Where(d => d.Id == id && d.StoredName == storedName)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.PreviewStatus, status)
                .SetProperty(d => d.PreviewError, error)
                .SetProperty(d => d.PreviewPages, pages)
                .SetProperty(d => d.PreviewKey, stem), cancellationToken) == 1;
}
