namespace DocManager.Previews;

/// <summary>The pictures of one document: a thumbnail and its page images (none for a text file).</summary>
public sealed record PreviewSet(WebpImage Thumbnail, IReadOnlyList<WebpImage> Pages);

/// <summary>A document's pictures, or the short reason they could not be made (a corrupt file, a limit, a timeout).</summary>
public sealed record PreviewResult(PreviewSet? Set, string? FailureReason)
{
    public bool Succeeded => Set is not null;

    public static PreviewResult Success(PreviewSet set) => new(set, null);

    public static PreviewResult Failure(string reason) => new(null, reason);
}
