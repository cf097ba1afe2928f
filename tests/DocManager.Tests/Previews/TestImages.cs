using System.Buffers.Binary;
using SkiaSharp;

namespace DocManager.Tests.Previews;

/// <summary>Real images drawn with SkiaSharp, and hand-written headers for the cases an encoder would never write.</summary>
public static class TestImages
{
    /// <summary>A <paramref name="width"/> × <paramref name="height"/> image, its left half red and right half blue.</summary>
    public static byte[] Encoded(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height) => Encoded(width, height, SKEncodedImageFormat.Png);

    /// <summary>A JPEG with an EXIF APP1 segment saying how to turn it (6: rotate 90° clockwise to show).</summary>
    public static byte[] JpegWithOrientation(int width, int height, ushort orientation) =>
        WithOrientation(Encoded(width, height, SKEncodedImageFormat.Jpeg), orientation);

    /// <summary>The JPEG with an EXIF APP1 segment inserted after its start marker, giving <paramref name="orientation"/>.</summary>
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22, .. "Exif\0\0"u8,
            .. "MM"u8, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, first IFD at 8
            0x00, 0x01, // one entry: Orientation (0x0112), SHORT, count 1, the value
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    /// <summary>A PNG whose valid IHDR claims <paramref name="width"/> × <paramref name="height"/> pixels, with almost no image data.</summary>
    public static byte[] PngHeaderClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] body)
    {
        byte[] typed = [.. type.Select(c => (byte)c), .. body];
        var chunk = new byte[4 + typed.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, body.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typed.Length), Crc32(typed));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320), over the chunk's type and body.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Checks the bytes are WebP (RIFF....WEBP, and Skia reads them as WebP) and returns them decoded.</summary>
    public static SKBitmap DecodeWebp(byte[] bytes)
    {
        Assert.True(bytes.Length > 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8), "not a RIFF WEBP file");
        using (var codec = SKCodec.Create(new MemoryStream(bytes)))
        {
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
        }

        return SKBitmap.Decode(bytes);
    }
}
