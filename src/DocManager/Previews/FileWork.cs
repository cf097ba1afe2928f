using DocManager.Documents;
using DocManager.Extraction;
using DocManager.Jobs;
using DocManager.Ocr;
using Microsoft.Extensions.Options;

namespace DocManager.Previews;

/// <summary>
/// The one place that decides what background work a document's file needs — its text and its
/// pictures: <see cref="Prepare"/> marks each pending (or none) before the row is saved, and
/// <see cref="Enqueue"/> adds the jobs for what is pending once the row has its id, in the same
/// unit of work, so they run once the file's row is committed.
/// </summary>
public sealed class FileWork(JobScheduler jobs, OcrReader ocr, IOptions<PreviewOptions> options)
{
    /// <summary>For a document whose file is new (or replaced): what is to be made is pending, the rest none.</summary>
    public void Prepare(Document document)
    {
        document.PreviewStatus = document.HasFile && PreviewKinds.For(document.ContentType, options.Value.OfficeConfigured) != PreviewKind.None
            ? PreviewState.Pending
            : PreviewState.None;
        document.TextStatus = document.HasFile && ExtractTextJob.HasReadableText(document.ContentType, ocr.Enabled) ? PreviewState.Pending : PreviewState.None;
        document.PreviewPages = 0;
        document.PreviewError = null;
        document.TextSource = null;
        document.TextError = null;
    }

    /// <summary>The jobs for a prepared document that has its id.</summary>
    public void Enqueue(Document document)
    {
        if (document.PreviewStatus == PreviewState.Pending)
        {
            jobs.Enqueue(MakePreviewJob.JobKind, document.Id);
        }

        if (document.TextStatus == PreviewState.Pending)
        {
            jobs.Enqueue(ExtractTextJob.JobKind, document.Id);
        }
    }
}
