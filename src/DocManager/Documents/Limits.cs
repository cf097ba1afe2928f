namespace DocManager.Documents;

/// <summary>SPEC §2 limits (configuration section `Limits`).</summary>
public sealed class Limits
{
    public const string Section = "Limits";

    public long MaxFileBytes { get; set; } = 16L * 1024 * 1024;

    public long QuotaBytes { get; set; } = 1024L * 1024 * 1024;

    public int MaxDocuments { get; set; } = 10_000;

    /// <summary>Allowed file extensions, separated by spaces.</summary>
    public string AllowedTypes { get; set; } = "pdf png jpg jpeg gif webp txt md csv docx xlsx pptx";

    /// <summary>Whether a file's bytes must match its extension (magic bytes, Office parts, UTF-8 text).</summary>
    public bool VerifyContent { get; set; } = true;

    public int MaxFilesPerUpload { get; set; } = 20;

    public bool Allows(string extension) =>
        AllowedTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(extension, StringComparer.OrdinalIgnoreCase);
}
