using DocManager.Documents;
using DocManager.Storage;

namespace DocManager.Previews;

/// <summary>
/// Decides what the viewer shows of a document and loads it: page images come from their own routes,
/// while the start of a text or Markdown file is read from the store here (a bounded read, see
/// <see cref="TextView"/> and <see cref="MarkdownView"/>; no program runs in the request).
/// </summary>
public sealed class DocumentViewer(IFileStore store)
{
    public async Task<ViewerContent> LoadAsync(DocumentSummary document, int? page, string? storedName, CancellationToken cancellationToken)
    {
        if (!document.HasFile)
        {
            return new ViewerContent(document, ViewerKind.Note);
        }

        // The kind regardless of a converter: it only decides whether text is shown as text.
        var kind = PreviewKinds.For(document.ContentType, officeConverterConfigured: false);
        if (kind == PreviewKind.Text && storedName is not null)
        {
            await using var stream = await store.OpenReadAsync(storedName, cancellationToken) ?? Stream.Null;
            if (PreviewKinds.MediaType(document.ContentType) == "text/markdown")
            {
                var markdown = await TextView.ReadAsync(stream, MarkdownView.MaxBytes, cancellationToken);
                return new ViewerContent(document, ViewerKind.Markdown, Html: MarkdownView.Render(markdown));
            }

            var excerpt = await TextView.ReadAsync(stream, TextView.DefaultMaxBytes, cancellationToken);
            return new ViewerContent(document, ViewerKind.Text, Text: excerpt.Text, Notice: excerpt.Notice);
        }

        return document.PreviewStatus switch
        {
            PreviewState.Pending => new ViewerContent(document, ViewerKind.Pending),
            PreviewState.Failed => new ViewerContent(document, ViewerKind.Failed),
            PreviewState.Ready when kind == PreviewKind.Image && document.PreviewPages >= 1 =>
                new ViewerContent(document, ViewerKind.Image),
            PreviewState.Ready when document.PreviewPages >= 1 =>
                new ViewerContent(document, ViewerKind.Pages, Math.Clamp(page ?? 1, 1, document.PreviewPages)),
            _ => new ViewerContent(document, ViewerKind.NoPreview),
        };
    }
}
