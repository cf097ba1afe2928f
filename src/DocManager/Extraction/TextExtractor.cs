using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace DocManager.Extraction;

/// <summary>
/// The text inside a stored file: PDF (PdfPig), Word, Excel and PowerPoint (Open XML SDK), plain
/// text. Bounded in pages, characters and parsed XML size, so a hostile file costs a bounded effort.
/// </summary>
public sealed class TextExtractor(IOptions<ExtractionLimits> limits)
{
    /// <summary>Between the pages of a PDF's text (as OCR writes it too): page n's text follows the (n-1)th.</summary>
    public const char PageSeparator = '\f';

    /// <summary>Whether files of this content type have text worth extracting.</summary>
    public static bool Supports(string? contentType) => Kind(contentType) is not null;

    public ExtractedText Extract(Stream file, string contentType, CancellationToken cancellationToken)
    {
        var text = new BoundedText(limits.Value.MaxCharacters);
        switch (Kind(contentType))
        {
            case "pdf":
                ExtractPdf(file, text, cancellationToken);
                break;
            case "docx":
                using (var word = WordprocessingDocument.Open(file, false, Settings()))
                {
                    // A package without its document is unreadable, not empty: the job fails and is retried.
                    var body = word.MainDocumentPart?.Document?.Body ?? throw Unreadable("Word document");
                    AppendParagraphs(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText), text);
                }

                break;
            case "xlsx":
                ExtractSpreadsheet(file, text, cancellationToken);
                break;
            case "pptx":
                ExtractPresentation(file, text, cancellationToken);
                break;
            case "text":
                ExtractPlainText(file, text);
                break;
        }

        return new ExtractedText(Search.Snippets.Clean(text.ToString()), text.Truncated, text.Pages);
    }

    private void ExtractPdf(Stream file, BoundedText text, CancellationToken cancellationToken)
    {
        using var pdf = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = Math.Min(pdf.NumberOfPages, limits.Value.MaxPages);
        for (var number = 1; number <= pages && !text.Full; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = pdf.GetPage(number);
            if (number > 1)
            {
                text.Append(PageSeparator.ToString().AsSpan()); // so a search hit can open the viewer at its page
            }

            text.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
            // The pages the text came from, not the file's: a long PDF read only in part is not a scan for lack of words.
            text.Pages = number;
        }

        text.Truncated |= pdf.NumberOfPages > pages;
    }

    private void ExtractSpreadsheet(Stream file, BoundedText text, CancellationToken cancellationToken)
    {
        using var workbook = SpreadsheetDocument.Open(file, false, Settings());
        // Shared strings hold nearly all text of a workbook; inline strings and numbers are in the sheets.
        var workbookPart = workbook.WorkbookPart ?? throw Unreadable("workbook");
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable;
        AppendParagraphs(shared?.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(item => item.InnerText), text);
        foreach (var sheet in workbookPart.WorksheetParts.Take(limits.Value.MaxPages))
        {
            cancellationToken.ThrowIfCancellationRequested();
            AppendParagraphs(sheet.Worksheet?.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .Where(c => c.DataType?.Value != DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString)
                .Select(c => c.InnerText), text);
        }
    }

    private void ExtractPresentation(Stream file, BoundedText text, CancellationToken cancellationToken)
    {
        using var presentation = PresentationDocument.Open(file, false, Settings());
        var presentationPart = presentation.PresentationPart ?? throw Unreadable("presentation");
        foreach (var slide in presentationPart.SlideParts.Take(limits.Value.MaxPages))
        {
            cancellationToken.ThrowIfCancellationRequested();
            AppendParagraphs(slide.Slide?.Descendants<DocumentFormat.OpenXml.Drawing.Paragraph>().Select(p => p.InnerText), text);
        }
    }

    private static void ExtractPlainText(Stream file, BoundedText text)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[16 * 1024];
        int read;
        while (!text.Full && (read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer.AsSpan(0, read));
        }
    }

    private static void AppendParagraphs(IEnumerable<string>? paragraphs, BoundedText text)
    {
        foreach (var paragraph in paragraphs ?? [])
        {
            if (text.Full)
            {
                return;
            }

            if (paragraph.Length > 0)
            {
                text.AppendLine(paragraph);
            }
        }
    }

    private static InvalidDataException Unreadable(string what) => new($"The file holds no readable {what}.");

    private OpenSettings Settings() => new() { MaxCharactersInPart = limits.Value.MaxOfficePartCharacters };

    private static string? Kind(string? contentType) => contentType switch
    {
        "application/pdf" => "pdf",
        Intake.FileKinds.Docx => "docx",
        Intake.FileKinds.Xlsx => "xlsx",
        Intake.FileKinds.Pptx => "pptx",
        not null when contentType.StartsWith("text/", StringComparison.Ordinal) => "text",
        _ => null,
    };

    /// <summary>A text builder that stops growing at its limit and remembers that it did.</summary>
    private sealed class BoundedText(int limit)
    {
        private readonly StringBuilder _text = new();

        public bool Truncated { get; set; }

        /// <summary>The pages the text was read from (a PDF's), 1 for files without pages.</summary>
        public int Pages { get; set; } = 1;

        public bool Full => _text.Length >= limit;

        public void AppendLine(string value)
        {
            Append(value.AsSpan());
            Append("\n".AsSpan());
        }

        public void Append(ReadOnlySpan<char> value)
        {
            var room = limit - _text.Length;
            if (value.Length > room)
            {
                Truncated = true;
                value = value[..Math.Max(0, room)];
            }

            _text.Append(value);
        }

        public override string ToString() => _text.ToString();
    }
}

/// <summary>A file's text, whether it was cut at the limit, and how many pages it was read from (1 unless a PDF).</summary>
public sealed record ExtractedText(string Text, bool Truncated, int Pages = 1);
