namespace DocManager.Previews;

/// <summary>
/// Where a document's background work stands, for its pictures (`preview.status`) and its words
/// (`text.status`) alike (SPEC §8): still to be done, done, not applicable, or given up on.
/// </summary>
public static class PreviewState
{
    public const string Pending = "pending";
    public const string Ready = "ready";
    public const string None = "none";
    public const string Failed = "failed";

    /// <summary>Longest reason kept for a failure: enough to say why, short enough for a page.</summary>
    public const int MaxErrorLength = 300;

    public static string Reason(string reason) =>
        reason.Length <= MaxErrorLength ? reason : reason[..(MaxErrorLength - 1)] + "…";
}

/// <summary>Where a document's searchable text came from (`text.source`).</summary>
public static class TextSource
{
    public const string File = "file";
    public const string Ocr = "ocr";
}
