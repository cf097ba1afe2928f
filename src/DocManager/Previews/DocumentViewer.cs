using System.Text;
using DocManager.Documents;
using DocManager.Storage;

namespace DocManager.Previews;

/// <summary>
/// Decides what the viewer shows of a document and loads it: page images come from their own routes,
/// while a text or Markdown file's first <see cref="MaxTextBytes"/> are read from the store here (a
/// bounded read, no program runs in the request).
/// </summary>
public sealed class DocumentViewer(IFileStore store)
{
    /// <summary>Text shown in the page at most; the whole file is a download away.</summary>
    public const int MaxTextBytes = 256 * 1024;

    public async Task<ViewerContent> LoadAsync(DocumentSummary document, int? page, string? storedName, CancellationToken cancellationToken)
    {
        if (!document.HasFile)
        {
            return new ViewerContent(document, ViewerKind.Note);
        }

        var mediaType = PreviewKinds.MediaType(document.ContentType);
        if (mediaType is "text/plain" or "text/csv" or "text/markdown" && storedName is not null)
        {
            var (text, truncated) = await ReadTextAsync(storedName, cancellationToken);
            return new ViewerContent(document, mediaType == "text/markdown" ? ViewerKind.Markdown : ViewerKind.Text, Text: text, Truncated: truncated);
        }

        return document.PreviewStatus switch
        {
            PreviewState.Pending => new ViewerContent(document, ViewerKind.Pending),
            PreviewState.Failed => new ViewerContent(document, ViewerKind.Failed),
            PreviewState.Ready when mediaType?.StartsWith("image/", StringComparison.Ordinal) == true && document.PreviewPages >= 1 =>
                new ViewerContent(document, ViewerKind.Image),
            PreviewState.Ready when document.PreviewPages >= 1 =>
                new ViewerContent(document, ViewerKind.Pages, Math.Clamp(page ?? 1, 1, document.PreviewPages)),
            _ => new ViewerContent(document, ViewerKind.NoPreview),
        };
    }

    /// <summary>The file's first bytes as UTF-8 (invalid bytes shown as �), cut at a whole character.</summary>
    private async Task<(string Text, bool Truncated)> ReadTextAsync(string storedName, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(storedName, cancellationToken);
        if (stream is null)
        {
            return ("", false);
        }

        var buffer = new byte[MaxTextBytes + 1];
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var truncated = length > MaxTextBytes;
        var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(length, MaxTextBytes));
        if (truncated && text.Length > 0 && text[^1] == '\uFFFD')
        {
            text = text[..^1]; // a character cut in two by the limit, not a bad byte in the file
        }

        return (text.StartsWith('\uFEFF') ? text[1..] : text, truncated);
    }
}
