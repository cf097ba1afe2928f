namespace DocManager.Ocr;

/// <summary>
/// The words OCR read, or the short reason it could not (a corrupt file, a timeout, a limit). A PDF's
/// pages are separated by <see cref="OcrReader.PageSeparator"/>; <see cref="Truncated"/> says pages or
/// characters were left unread because of the limits.
/// </summary>
public sealed record OcrResult(string? Text, bool Truncated, string? FailureReason)
{
    public bool Succeeded => Text is not null;

    public static OcrResult Success(string text, bool truncated) => new(text, truncated, null);

    public static OcrResult Failure(string reason) => new(null, false, reason);
}
