using System.Buffers.Binary;

namespace DocManager.Tests.Previews;

/// <summary>A PNG's pixel size, read from its IHDR chunk: the signature, then length, "IHDR", width, height.</summary>
public static class PngSize
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Of(byte[] png)
    {
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG");
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
