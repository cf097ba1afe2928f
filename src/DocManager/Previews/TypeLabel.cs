namespace DocManager.Previews;

/// <summary>The short label a card shows in place of a thumbnail: the file's kind, or that it is a note.</summary>
public static class TypeLabel
{
    public static string For(string? contentType) => PreviewKinds.MediaType(contentType) switch
    {
        null => "Note",
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "image/gif" => "GIF",
        "image/webp" => "WebP",
        "text/plain" => "TXT",
        "text/markdown" => "MD",
        "text/csv" => "CSV",
        Intake.FileKinds.Docx => "DOCX",
        Intake.FileKinds.Xlsx => "XLSX",
        Intake.FileKinds.Pptx => "PPTX",
        _ => "File",
    };
}
