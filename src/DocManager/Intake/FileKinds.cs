namespace DocManager.Intake;

/// <summary>What each allowed extension must contain, and the content type it is stored and served with.</summary>
public static class FileKinds
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["pdf"] = "application/pdf",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["txt"] = "text/plain; charset=utf-8",
        ["md"] = "text/markdown; charset=utf-8",
        ["csv"] = "text/csv; charset=utf-8",
        ["docx"] = Docx,
        ["xlsx"] = Xlsx,
        ["pptx"] = Pptx,
    };

    /// <summary>The content type for a known extension; unknown extensions (if an operator allows them) are plain bytes.</summary>
    public static string ContentTypeFor(string extension) =>
        ContentTypes.GetValueOrDefault(extension, "application/octet-stream");

    /// <summary>Types a browser may show inline (under a sandbox CSP); everything else is always an attachment.</summary>
    public static bool CanShowInline(string? contentType) =>
        contentType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    public static bool IsText(string extension) => extension is "txt" or "md" or "csv";

    /// <summary>The main part an Office package of this extension must declare in [Content_Types].xml.</summary>
    public static string? OfficeMainPart(string extension) => extension switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        _ => null,
    };
}
