namespace DocManager.Previews;

/// <summary>A preview image encoded as WebP, with its pixel size.</summary>
public sealed record WebpImage(byte[] Bytes, int Width, int Height);

/// <summary>A WebP preview, or the short reason it could not be made (corrupt, too many pixels, unsupported).</summary>
public sealed record ImagePreviewResult(WebpImage? Image, string? FailureReason)
{
    public bool Succeeded => Image is not null;

    public static ImagePreviewResult Success(WebpImage image) => new(image, null);

    public static ImagePreviewResult Failure(string reason) => new(null, reason);
}
