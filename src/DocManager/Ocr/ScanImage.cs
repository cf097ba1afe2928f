using DocManager.Previews;
using SkiaSharp;

namespace DocManager.Ocr;

/// <summary>
/// An uploaded image (PNG, JPEG, GIF, WebP) made ready for tesseract in-process with Skia, bounded as
/// previews are (decision 19): the header's pixel size is checked before anything is decoded. The EXIF
/// orientation is applied (tesseract ignores it and would read a phone photo sideways), transparency is
/// flattened onto white (dark text on a transparent background would otherwise become black on black),
/// and the result is an 8-bit grayscale PNG, so tesseract only ever reads one format, written by us.
/// </summary>
internal static class ScanImage
{
    public static byte[]? ToGrayscalePng(byte[] image, long maxPixels, out string failure)
    {
        using var data = SKData.CreateCopy(image);
        using var stream = new SKMemoryStream(data);
        using var codec = ImageThumbnailer.OpenCodec(stream, maxPixels, out failure);
        if (codec is null)
        {
            return null;
        }

        using var decoded = ImageThumbnailer.Decode(codec, scale: 1);
        if (decoded is null)
        {
            failure = "the image is corrupt or incomplete";
            return null;
        }

        var turned = ImageThumbnailer.SwapsSides(codec.EncodedOrigin);
        var upright = new SKImageInfo(turned ? decoded.Height : decoded.Width, turned ? decoded.Width : decoded.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var gray = new SKBitmap();
        if (!gray.TryAllocPixels(upright))
        {
            failure = "no memory for the image";
            return null;
        }

        using (var canvas = new SKCanvas(gray))
        {
            canvas.Clear(SKColors.White);
            ImageThumbnailer.Orient(canvas, codec.EncodedOrigin, decoded.Width, decoded.Height);
            using var pixels = SKImage.FromBitmap(decoded);
            canvas.DrawImage(pixels, new SKRect(0, 0, decoded.Width, decoded.Height), new SKSamplingOptions(SKFilterMode.Nearest));
        }

        using var png = gray.Encode(SKEncodedImageFormat.Png, 100);
        failure = png is null ? "the PNG encoder failed" : "";
        return png?.ToArray();
    }
}
