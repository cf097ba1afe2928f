using System.Buffers.Binary;

namespace DocManager.Previews;

/// <summary>
/// The pixel size in a PNG's IHDR chunk. pdftoppm answers an allocation it cannot make (a page too
/// large, or our memory limit) with a 1 × 1 image and exit code 0, so its output is checked, not trusted.
/// </summary>
public static class PngHeader
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height)? SizeOf(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[..8].SequenceEqual(Signature) && png[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]))
            : null;
}
