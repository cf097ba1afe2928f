using System.IO.Compression;
using System.Text;
using System.Xml;

namespace DocManager.Intake;

/// <summary>
/// Checks that a staged file's bytes are what its extension says: magic numbers for PDF and
/// images, a ZIP package declaring the right main part for Office files, UTF-8 without NUL for text.
/// </summary>
public static class ContentSniffer
{
    private const int ContentTypesLimit = 1024 * 1024;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    public static async Task<bool> MatchesAsync(string extension, string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var head = new byte[16];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var start = head.AsSpan(0, read);
        stream.Position = 0;

        return extension switch
        {
            "pdf" => start.StartsWith("%PDF-"u8),
            "png" => start.StartsWith(PngSignature),
            "jpg" or "jpeg" => start.StartsWith(JpegSignature),
            "gif" => start.StartsWith("GIF87a"u8) || start.StartsWith("GIF89a"u8),
            "webp" => read >= 12 && start.StartsWith("RIFF"u8) && start[8..12].SequenceEqual("WEBP"u8),
            "txt" or "md" or "csv" => await IsUtf8TextAsync(stream, cancellationToken),
            "docx" or "xlsx" or "pptx" => start.StartsWith("PK\x03\x04"u8) && DeclaresMainPart(stream, FileKinds.OfficeMainPart(extension)!),
            _ => true, // an operator-allowed type with no known signature
        };
    }

    private static async Task<bool> IsUtf8TextAsync(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(bytes, cancellationToken)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Reads only the small [Content_Types].xml entry, so a zip bomb elsewhere in the package costs nothing.</summary>
    private static bool DeclaresMainPart(Stream stream, string mainPart)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > ContentTypesLimit)
            {
                return false;
            }

            using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = ContentTypesLimit });
            while (reader.Read())
            {
                // The main part's type may be given for its name (Override) or its extension (Default).
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is ("Override" or "Default") &&
                    string.Equals(reader.GetAttribute("ContentType"), mainPart, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException)
        {
            return false;
        }
    }
}
