using System.Globalization;
using DocManager.Extraction;
using DocManager.Previews;
using Microsoft.Extensions.Options;

namespace DocManager.Ocr;

/// <summary>
/// Reads the words of images and of PDFs without a text layer with tesseract (SPEC §8 "Text from
/// scans", decision 22). Every program runs through the <see cref="ContainedPrograms"/> gate, so a
/// hostile file ends as a failed result within `Previews:Timeout` per program; the text is bounded by
/// <see cref="ExtractionLimits.MaxCharacters"/> and PDFs by `Previews:MaxPages` and `Extraction:MaxPages`.
/// </summary>
public sealed class OcrReader(
    ContainedPrograms programs,
    IOptions<OcrOptions> options,
    IOptions<PreviewOptions> previews,
    IOptions<ExtractionLimits> limits)
{
    public const string Program = "tesseract";

    /// <summary>Between the pages of a PDF's text: page n's text follows the (n-1)th separator.</summary>
    public const char PageSeparator = TextExtractor.PageSeparator;

    /// <summary>Dots per inch PDF pages are rendered at: what tesseract is trained for, so printed text reads best.</summary>
    public const int Resolution = 300;

    /// <summary>
    /// Fewer non-white characters than this per page on average means a PDF's pages are images: a page of
    /// print holds thousands, a scan's text layer at most a stamp or page number.
    /// </summary>
    public const int MinCharactersPerPage = 50;

    private const string Input = "input.pdf";
    private const string ScanName = "scan"; // pdftoppm adds .png, tesseract .txt
    private const string Scan = ScanName + ".png";

    /// <summary>Whether OCR runs here: `Ocr:Enabled`, or when it is not set, whether tesseract is installed.</summary>
    public bool Enabled => options.Value.Enabled ?? IsInstalled(previews.Value);

    /// <summary>PDFs and the image types previews decode (<see cref="PreviewKinds"/>): the same files are pictures and scans.</summary>
    public static bool Supports(string? contentType) => Kind(contentType) is PreviewKind.Pdf or PreviewKind.Image;

    /// <summary>
    /// Whether a PDF whose text layer gave <paramref name="extractedText"/> over <paramref name="pageCount"/>
    /// pages is a scan to read with OCR. OCR also reads text drawn from a text layer, so erring towards it costs time, not words.
    /// </summary>
    public static bool NeedsOcr(string extractedText, int pageCount) =>
        extractedText.Count(c => !char.IsWhiteSpace(c)) < MinCharactersPerPage * (long)Math.Max(1, pageCount);

    /// <summary>Tesseract found in `Previews:ProgramsFolder` or on the app's PATH, where the contained runs look for it.</summary>
    public static bool IsInstalled(PreviewOptions previews) =>
        ProgramLookup.IsInstalled(Program, previews.ProgramsFolder, Environment.GetEnvironmentVariable("PATH"));

    public Task<OcrResult> ReadAsync(Stream file, string contentType, CancellationToken cancellationToken) => Kind(contentType) switch
    {
        PreviewKind.Pdf => ReadPdfAsync(file, cancellationToken),
        PreviewKind.Image => ReadImageAsync(file, cancellationToken),
        _ => Task.FromResult(OcrResult.Failure($"{contentType} files are not read by OCR")),
    };

    private static PreviewKind Kind(string? contentType) => PreviewKinds.For(contentType, officeConverterConfigured: false);

    /// <summary>The words of a PNG, JPEG, GIF (first frame) or WebP image.</summary>
    public async Task<OcrResult> ReadImageAsync(Stream image, CancellationToken cancellationToken)
    {
        if (Refusal() is { } refusal)
        {
            return OcrResult.Failure(refusal);
        }

        if (await ImageBytes.ReadAsync(image, cancellationToken) is not { } bytes)
        {
            return OcrResult.Failure(ImageBytes.TooLarge);
        }

        var png = ScanImage.ToGrayscalePng(bytes, previews.Value.MaxPixels, out var unreadable);
        if (png is null)
        {
            return OcrResult.Failure(unreadable);
        }

        await using var workspace = programs.CreateWorkspace();
        await File.WriteAllBytesAsync(workspace.PathOf(Scan), png, cancellationToken);
        var text = new OcrText(limits.Value.MaxCharacters);
        return await RecognizeAsync(workspace, text, cancellationToken) is { } failure ? OcrResult.Failure(failure) : text.Result();
    }

    /// <summary>
    /// The words of pages 1 to `Previews:MaxPages` of a PDF, each rendered by pdftoppm as a grayscale
    /// image at <see cref="Resolution"/> dpi and read by tesseract, joined by <see cref="PageSeparator"/>.
    /// </summary>
    public async Task<OcrResult> ReadPdfAsync(Stream pdf, CancellationToken cancellationToken)
    {
        if (Refusal() is { } refusal)
        {
            return OcrResult.Failure(refusal);
        }

        await using var workspace = programs.CreateWorkspace();
        await using (var input = File.Create(workspace.PathOf(Input)))
        {
            await pdf.CopyToAsync(input, cancellationToken);
        }

        // Both bounds: pages beyond `Extraction:MaxPages` are not indexed from a text layer either.
        var maxPages = Math.Min(previews.Value.MaxPages, limits.Value.MaxPages);
        var info = await workspace.RunAsync("pdfinfo", ["-f", "1", "-l", Number(maxPages), Input], cancellationToken);
        if (!info.Succeeded)
        {
            return OcrResult.Failure("pdfinfo " + info.Reason);
        }

        if (PdfInfo.Parse(info.Output) is not { PageCount: > 0 } pdfInfo)
        {
            return OcrResult.Failure("pdfinfo reported no pages");
        }

        var last = Math.Min(maxPages, pdfInfo.PageCount);
        if (PdfRasterizer.TooTallPage(pdfInfo, 1, last) is { } tooTall)
        {
            return OcrResult.Failure(tooTall);
        }

        var text = new OcrText(limits.Value.MaxCharacters) { Truncated = pdfInfo.PageCount > last };
        for (var page = 1; page <= last; page++)
        {
            if (text.Full)
            {
                text.Truncated = true; // the pages left would not fit; rendering them would be wasted work
                break;
            }

            if (await RenderPageAsync(workspace, pdfInfo, page, cancellationToken) is { } notRendered)
            {
                return OcrResult.Failure(notRendered);
            }

            if (await RecognizeAsync(workspace, text, cancellationToken) is { } notRead)
            {
                return OcrResult.Failure($"page {page}: {notRead}");
            }
        }

        return text.Result();
    }

    /// <summary>Renders one page as <see cref="Scan"/>, one page at a time so only one page image is ever on disk.</summary>
    private async Task<string?> RenderPageAsync(ProgramWorkspace workspace, PdfInfo info, int page, CancellationToken cancellationToken)
    {
        if (!info.PageSizes.TryGetValue(page, out var size))
        {
            return $"pdfinfo gave no size for page {page}";
        }

        // -scale-to-x with -scale-to-y -1 fixes the width and keeps the page's proportions; -gray renders one byte a pixel.
        var width = PageScale.PixelWidth(size, previews.Value.MaxPixels);
        var render = await workspace.RunAsync("pdftoppm",
            ["-png", "-gray", "-scale-to-x", Number(width), "-scale-to-y", "-1", "-f", Number(page), "-l", Number(page), "-singlefile", Input, ScanName],
            cancellationToken);
        if (!render.Succeeded)
        {
            return "pdftoppm " + render.Reason;
        }

        // pdftoppm answers an allocation it cannot make with a 1 × 1 image and exit code 0: check the size it wrote.
        var header = new byte[24];
        var file = workspace.PathOf(Scan);
        if (File.Exists(file))
        {
            await using var png = File.OpenRead(file);
            await png.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        }

        return PngHeader.SizeOf(header)?.Width == width ? null : $"pdftoppm could not render page {page} at {width} px wide";
    }

    /// <summary>Runs tesseract on <see cref="Scan"/> and adds what it read to <paramref name="text"/>; a failure's reason otherwise.</summary>
    private async Task<string?> RecognizeAsync(ProgramWorkspace workspace, OcrText text, CancellationToken cancellationToken)
    {
        // Through env, which sets the variable and execs tesseract (the gate still sees tesseract's own pid and
        // exit code): one OpenMP thread. `Previews:Concurrency` counts programs, each meant to take one core,
        // and Debian's OpenMP build was far slower unbounded (a dense page: 14 s and 14 s of CPU, against 2 s).
        var run = await workspace.RunAsync("env",
            ["OMP_THREAD_LIMIT=1", Program, Scan, ScanName, "-l", options.Value.Languages], cancellationToken);
        if (!run.Succeeded)
        {
            return "tesseract " + run.Reason;
        }

        // A text file rather than standard output, whose capture is cut at `Previews:MaxCapturedOutputBytes`.
        var output = workspace.PathOf(ScanName + ".txt");
        if (!File.Exists(output))
        {
            return "tesseract wrote no text";
        }

        await text.AddPageAsync(output, cancellationToken);
        File.Delete(output);
        return null;
    }

    /// <summary>Why nothing runs: OCR turned off, or languages that must not reach a command line (options validation also refuses them).</summary>
    private string? Refusal() =>
        !Enabled ? "OCR is turned off (Ocr:Enabled)"
        : !OcrOptions.IsLanguageList(options.Value.Languages) ? "Ocr:Languages is not a list of language names"
        : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
