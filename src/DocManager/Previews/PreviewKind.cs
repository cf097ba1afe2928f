namespace DocManager.Previews;

/// <summary>How a file of a given type becomes pictures (SPEC §8), or that it does not.</summary>
public enum PreviewKind
{
    None,
    Pdf,
    Image,
    Text,
    Office,
}

public static class PreviewKinds
{
    /// <summary>
    /// The kind for a stored content type. Office files need the converter, so without one
    /// (`Previews:Office` empty) they are <see cref="PreviewKind.None"/> and show an icon of their type.
    /// </summary>
    public static PreviewKind For(string? contentType, bool officeConverterConfigured) => MediaType(contentType) switch
    {
        "application/pdf" => PreviewKind.Pdf,
        "image/png" or "image/jpeg" or "image/gif" or "image/webp" => PreviewKind.Image,
        "text/plain" or "text/markdown" or "text/csv" => PreviewKind.Text,
        Intake.FileKinds.Docx or Intake.FileKinds.Xlsx or Intake.FileKinds.Pptx when officeConverterConfigured => PreviewKind.Office,
        _ => PreviewKind.None,
    };

    /// <summary>The type without its parameters ("text/plain; charset=utf-8" → "text/plain").</summary>
    public static string? MediaType(string? contentType) =>
        contentType is null ? null : contentType.Split(';', 2)[0].Trim();
}
