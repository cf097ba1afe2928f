using System.Text;

namespace DocManager.Ocr;

/// <summary>
/// A document's text as OCR reads it page by page: pages joined by <see cref="OcrReader.PageSeparator"/>,
/// control characters made spaces, and at most <paramref name="limit"/> characters in all (separators
/// count). What does not fit is never read into memory, only remembered as <see cref="Truncated"/>.
/// </summary>
internal sealed class OcrText(int limit)
{
    private readonly StringBuilder text = new();
    private int pages;

    public bool Truncated { get; set; }

    public bool Full => text.Length >= limit;

    /// <summary>Adds the next page from the text file tesseract wrote, reading no more of it than fits.</summary>
    public async Task AddPageAsync(string file, CancellationToken cancellationToken)
    {
        var separator = pages++ > 0;
        var room = limit - text.Length - (separator ? 1 : 0);
        if (room < 0)
        {
            Truncated = true;
            return;
        }

        // One character more than fits tells whether anything was left out; a file's bytes bound its characters.
        var buffer = new char[Math.Min(room + 1L, new FileInfo(file).Length + 1)];
        int read;
        using (var reader = new StreamReader(file, Encoding.UTF8))
        {
            read = await reader.ReadBlockAsync(buffer, cancellationToken);
        }

        Truncated |= read > room;
        if (separator)
        {
            text.Append(OcrReader.PageSeparator);
        }

        // Tesseract ends a page with a form feed of its own; only ours may separate pages.
        foreach (var c in buffer.AsSpan(0, Math.Min(read, room)).Trim())
        {
            text.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c);
        }
    }

    public OcrResult Result() => OcrResult.Success(text.ToString(), Truncated);
}
