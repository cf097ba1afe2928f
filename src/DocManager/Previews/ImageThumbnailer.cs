using Microsoft.Extensions.Options;
using SkiaSharp;

namespace DocManager.Previews;

/// <summary>
/// Turns PNG, JPEG, GIF (first frame) and WebP images into WebP previews in-process with Skia
/// (decision 19, "Images in-process"). The pixel size is read from the header and checked against
/// <see cref="PreviewOptions.MaxPixels"/> before anything is decoded, JPEGs are decoded already
/// downsampled when the codec can, and the EXIF orientation is applied. Never upscales.
/// </summary>
public sealed class ImageThumbnailer(IOptions<PreviewOptions> options)
{
    public const int ThumbnailSize = PdfRasterizer.ThumbnailSize;
    public const int PageWidth = PdfRasterizer.PageWidth;
    public const int Quality = 80;

    /// <summary>A thumbnail whose longest side is at most <see cref="ThumbnailSize"/> px.</summary>
    public ImagePreviewResult Thumbnail(byte[] image) =>
        Convert(image, size => Math.Min(1, (double)ThumbnailSize / Math.Max(size.Width, size.Height)));

    /// <summary>A PDF page image (PNG from <see cref="PdfRasterizer"/>) as WebP at most <see cref="PageWidth"/> px wide.</summary>
    public ImagePreviewResult Page(byte[] image) =>
        Convert(image, size => Math.Min(1, (double)PageWidth / size.Width));

    private ImagePreviewResult Convert(byte[] bytes, Func<SKSizeI, double> scaleFor)
    {
        using var data = SKData.CreateCopy(bytes);
        using var stream = new SKMemoryStream(data);
        using var codec = OpenCodec(stream, options.Value.MaxPixels, out var refused);
        if (codec is null)
        {
            return ImagePreviewResult.Failure(refused);
        }

        var raw = codec.Info.Size;
        var origin = codec.EncodedOrigin;
        var turned = SwapsSides(origin);
        var scale = scaleFor(turned ? new SKSizeI(raw.Height, raw.Width) : raw);
        var target = new SKSizeI(Math.Max(1, (int)Math.Round(raw.Width * scale)), Math.Max(1, (int)Math.Round(raw.Height * scale)));

        using var decoded = Decode(codec, scale);
        if (decoded is null)
        {
            return ImagePreviewResult.Failure("the image is corrupt or incomplete");
        }

        var outWidth = turned ? target.Height : target.Width;
        var outHeight = turned ? target.Width : target.Height;
        using var surface = SKSurface.Create(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (surface is null)
        {
            return ImagePreviewResult.Failure("no memory for the preview");
        }

        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        Orient(canvas, origin, target.Width, target.Height);
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, new SKRect(0, 0, target.Width, target.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return Encode(surface, outWidth, outHeight);
    }

    /// <summary>
    /// Creates the codec, which reads the header only, and refuses what is not decoded: formats other than
    /// PNG, JPEG, GIF and WebP, and images of more than <paramref name="maxPixels"/>, before any pixel is.
    /// Shared with OCR, which decodes uploaded images the same way.
    /// </summary>
    internal static SKCodec? OpenCodec(SKStream stream, long maxPixels, out string refused)
    {
        var codec = SKCodec.Create(stream, out var created);
        refused = codec switch
        {
            null => $"not a readable image ({created})",
            { EncodedFormat: not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Webp) } =>
                $"{codec.EncodedFormat} images are not supported",
            { Info.Size: var size } when size.Width <= 0 || size.Height <= 0 || (long)size.Width * size.Height > maxPixels =>
                $"the image is {size.Width} × {size.Height} pixels, more than {maxPixels} allowed",
            _ => "",
        };
        if (refused.Length == 0)
        {
            return codec;
        }

        codec?.Dispose();
        return null;
    }

    /// <summary>Encodes what was drawn as WebP; shared with <see cref="TextThumbnailer"/>.</summary>
    internal static ImagePreviewResult Encode(SKSurface surface, int width, int height)
    {
        using var snapshot = surface.Snapshot();
        using var webp = snapshot.Encode(SKEncodedImageFormat.Webp, Quality);
        return webp is null
            ? ImagePreviewResult.Failure("the WebP encoder failed")
            : ImagePreviewResult.Success(new WebpImage(webp.ToArray(), width, height));
    }

    /// <summary>
    /// Decodes at the smallest size the codec offers that is still at least the scale asked for
    /// (JPEG decodes at 1/2, 1/4, 1/8 directly, so a large photo never needs its full-size buffer);
    /// other formats answer with their full size, which <see cref="PreviewOptions.MaxPixels"/> bounds.
    /// </summary>
    internal static SKBitmap? Decode(SKCodec codec, double scale)
    {
        var size = codec.GetScaledDimensions((float)scale);
        if (size.Width < codec.Info.Width * scale || size.Height < codec.Info.Height * scale)
        {
            size = codec.Info.Size;
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }

        // Anything short of a full decode (truncated or corrupt data) is a failed preview, not a grey half image.
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    internal static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Sets the canvas so a <paramref name="width"/> × <paramref name="height"/> image drawn at 0,0 comes out upright (EXIF orientations 1 to 8).</summary>
    internal static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int width, int height)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, height);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.Scale(-1, 1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(height, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(height, width);
                canvas.Scale(1, -1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, width);
                canvas.RotateDegrees(-90);
                break;
            default:
                break;
        }
    }
}
