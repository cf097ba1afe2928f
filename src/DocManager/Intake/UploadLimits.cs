namespace DocManager.Intake;

/// <summary>
/// SPEC §2 limits on one upload (configuration section `Limits`), enforced while it is read. The
/// limits on what a user keeps overall are <see cref="Documents.DocumentLimits"/>, in the same section.
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Limits";

    public long MaxFileBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Allowed file extensions, separated by spaces.</summary>
    public string AllowedTypes { get; set; } = "pdf png jpg jpeg gif webp txt md csv docx xlsx pptx";

    /// <summary>Whether a file's bytes must match its extension (magic bytes, Office parts, UTF-8 text).</summary>
    public bool VerifyContent { get; set; } = true;

    public int MaxFilesPerUpload { get; set; } = 20;

    public bool Allows(string extension) =>
        AllowedTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(extension, StringComparer.OrdinalIgnoreCase);
}
