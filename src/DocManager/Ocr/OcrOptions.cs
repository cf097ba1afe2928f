using System.Text.RegularExpressions;

namespace DocManager.Ocr;

/// <summary>Reading the words of scans and images with tesseract (configuration section `Ocr`, SPEC §8).</summary>
public sealed partial class OcrOptions
{
    public const string Section = "Ocr";

    /// <summary>
    /// Whether OCR runs. Left unset, it is on when the `tesseract` program is found (in
    /// `Previews:ProgramsFolder` or on PATH), so a machine without it still makes previews.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Tesseract's language names joined by '+', such as `eng` or `eng+deu`; each needs its traineddata installed.</summary>
    public string Languages { get; set; } = "eng";

    /// <summary>
    /// Letters and underscores joined by '+' (eng, chi_sim, eng+deu), nothing else: the value is
    /// passed to tesseract as an argument, so it can never look like an option, a path or a second word.
    /// </summary>
    public static bool IsLanguageList(string? languages) =>
        languages is { Length: > 0 and <= 200 } && LanguageList().IsMatch(languages);

    [GeneratedRegex(@"^[A-Za-z_]+(?:\+[A-Za-z_]+)*\z")]
    private static partial Regex LanguageList();
}
