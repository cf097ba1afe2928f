using System.Globalization;
using System.Text;

namespace DocManager.Previews;

/// <summary>
/// The start of a text file as the viewer shows it: at most <see cref="TextView.DefaultMaxBytes"/>
/// decoded as UTF-8. Razor escapes <see cref="Text"/> when it writes it; <see cref="Notice"/> says
/// when the file went on past what is shown.
/// </summary>
public sealed record TextExcerpt(string Text, bool Truncated, int MaxBytes)
{
    /// <summary>"Only the first 512 KiB of this file is shown." when cut, else null.</summary>
    public string? Notice => Truncated
        ? string.Create(CultureInfo.InvariantCulture, $"Only the first {MaxBytes / 1024:N0} KiB of this file is shown.")
        : null;
}

/// <summary>
/// Reads the first bytes of a text file (txt, csv, md) for the viewer: a huge file costs no more than
/// its first <see cref="DefaultMaxBytes"/>, invalid UTF-8 becomes U+FFFD instead of failing, and a
/// character cut in half at the limit is left out rather than shown as garbage.
/// </summary>
public static class TextView
{
    public const int DefaultMaxBytes = 512 * 1024;

    // Replacement, not an exception: a Latin-1 file or a binary one renamed .txt still shows.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async Task<TextExcerpt> ReadAsync(Stream content, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        // One byte more than is shown tells whether the file goes on.
        var buffer = new byte[maxBytes + 1];
        var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Decode(buffer.AsSpan(0, length), maxBytes);
    }

    public static TextExcerpt Decode(ReadOnlySpan<byte> bytes, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        var truncated = bytes.Length > maxBytes;
        if (truncated)
        {
            bytes = bytes[..maxBytes];
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        // Without a flush, a character whose last bytes lie past the limit stays in the decoder, unshown;
        // at the real end of the file an incomplete character is shown as U+FFFD, as it is.
        var decoder = Utf8.GetDecoder();
        var chars = new char[Utf8.GetMaxCharCount(bytes.Length)];
        var count = decoder.GetChars(bytes, chars, flush: !truncated);
        return new TextExcerpt(new string(chars, 0, count), truncated, maxBytes);
    }
}
