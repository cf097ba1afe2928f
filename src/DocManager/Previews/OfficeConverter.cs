using Microsoft.Extensions.Options;

namespace DocManager.Previews;

/// <summary>
/// Turns a Word, Excel or PowerPoint file into a PDF with LibreOffice (the program named by
/// <see cref="PreviewOptions.Office"/>), run as a contained program, so the PDF's pages can be
/// rendered like any PDF's by <see cref="PdfRasterizer"/>. The package's ZIP directory is checked
/// first (<see cref="OfficePackage"/>); each run gets a LibreOffice profile of its own in the workspace.
/// </summary>
public sealed class OfficeConverter(ContainedPrograms programs, IOptions<PreviewOptions> options)
{
    /// <summary>Largest PDF read back; far beyond what a 16 MiB upload becomes, and what one job may hold in memory.</summary>
    public const long MaxPdfBytes = 100L * 1024 * 1024;

    // The input's name is ours, chosen by content type: LibreOffice picks its import filter by extension.
    private static readonly Dictionary<string, string> InputNames = new(StringComparer.Ordinal)
    {
        [Intake.FileKinds.Docx] = "input.docx",
        [Intake.FileKinds.Xlsx] = "input.xlsx",
        [Intake.FileKinds.Pptx] = "input.pptx",
    };

    // LibreOffice names its output after the input: input.docx becomes input.pdf in --outdir.
    private const string Output = "input.pdf";

    /// <summary>Whether a converter is configured; without one, Office files get no preview (SPEC §8).</summary>
    public bool IsConfigured => options.Value.OfficeConfigured;

    /// <summary>Whether files of this content type (docx, xlsx, pptx) can be converted.</summary>
    public static bool Supports(string? contentType) => contentType is not null && InputNames.ContainsKey(contentType);

    /// <summary>The PDF of <paramref name="document"/>, stored as <paramref name="contentType"/>; refusals and failures are results.</summary>
    public async Task<OfficeConversionResult> ConvertAsync(Stream document, string contentType, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return OfficeConversionResult.Failure("no Office converter is configured");
        }

        if (!InputNames.TryGetValue(contentType, out var input))
        {
            return OfficeConversionResult.Failure($"{contentType} is not an Office format");
        }

        await using var workspace = programs.CreateWorkspace();
        await using (var file = File.Create(workspace.PathOf(input)))
        {
            await document.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            if (OfficePackage.Refusal(file) is { } refusal)
            {
                return OfficeConversionResult.Failure(refusal);
            }
        }

        var program = options.Value.Office;
        var result = await workspace.RunAsync(program, Arguments(workspace, input), cancellationToken);
        if (!result.Succeeded)
        {
            return OfficeConversionResult.Failure($"{Path.GetFileName(program)} {result.Reason}");
        }

        return await ReadPdfAsync(workspace, result, cancellationToken);
    }

    private static string[] Arguments(ProgramWorkspace workspace, string input) =>
    [
        "--headless", "--norestore", "--nolockcheck",
        // A profile of this run's own, deleted with the workspace: no state shared between documents,
        // and no lock on a shared profile that would make a second LibreOffice hand its work to the first.
        "-env:UserInstallation=" + new Uri(workspace.PathOf("profile")).AbsoluteUri,
        "--convert-to", "pdf",
        "--outdir", workspace.Folder,
        input,
    ];

    private static async Task<OfficeConversionResult> ReadPdfAsync(ProgramWorkspace workspace, ProgramResult run, CancellationToken cancellationToken)
    {
        // LibreOffice exits 0 even when it could not load or export the file: it then writes no PDF
        // and says why in a line "Error: …" on standard error.
        var output = new FileInfo(workspace.PathOf(Output));
        if (!output.Exists || output.Length == 0)
        {
            return OfficeConversionResult.Failure("LibreOffice made no PDF" + run.ErrorLine(line => line.StartsWith("Error:", StringComparison.Ordinal)));
        }

        if (output.Length > MaxPdfBytes)
        {
            return OfficeConversionResult.Failure($"the PDF is larger than {MaxPdfBytes / (1024 * 1024)} MB");
        }

        var pdf = await File.ReadAllBytesAsync(output.FullName, cancellationToken);
        return pdf.AsSpan().StartsWith("%PDF-"u8)
            ? OfficeConversionResult.Success(pdf)
            : OfficeConversionResult.Failure("LibreOffice wrote a file that is not a PDF");
    }
}

/// <summary>
/// A PDF made from an Office file (hand it to <see cref="PdfRasterizer.RenderAsync(Stream, CancellationToken)"/> as a
/// <see cref="MemoryStream"/>), or the short reason it could not be made.
/// </summary>
public sealed record OfficeConversionResult(byte[]? Pdf, string? FailureReason)
{
    public bool Succeeded => Pdf is not null;

    public static OfficeConversionResult Success(byte[] pdf) => new(pdf, null);

    public static OfficeConversionResult Failure(string reason) => new(null, reason);
}
