namespace DocManager.Previews;

/// <summary>
/// Reads an image file into memory for Skia to decode (previews and OCR alike), refusing one larger
/// than <see cref="MaxBytes"/> before reading it: the header's pixel check bounds the decoding, this
/// bounds the bytes a file may hold besides (an operator may allow huge uploads).
/// </summary>
public static class ImageBytes
{
    public const long MaxBytes = 256L * 1024 * 1024;

    public const string TooLarge = "the image file is too large to read";

    /// <summary>The image's bytes, read once into an array of their size; null when there are more than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream image, CancellationToken cancellationToken)
    {
        if (image.CanSeek)
        {
            var length = image.Length - image.Position;
            if (length > MaxBytes)
            {
                return null;
            }

            var bytes = new byte[length];
            await image.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }

        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await image.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                return null;
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }
}
