using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DocManager.Tests.Previews;

/// <summary>ZIP packages that pose as Office files: bombs that inflate far beyond their size, one of countless parts, one of garbage.</summary>
public static class ZipPackages
{
    private const string DocxContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    /// <summary>What the lying bomb's headers claim its document part inflates to.</summary>
    public const uint LyingSize = 1000;

    private const string DocumentPart = "word/document.xml";

    private const string DocxRelationships =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>
    /// A docx whose document part is <paramref name="megabytes"/> MB of zeros, streamed through
    /// deflate into <paramref name="path"/>: zeros compress about 1,000:1, so 1 GB is about 1 MB on disk.
    /// </summary>
    public static void WriteZeroBomb(string path, int megabytes)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        AddText(zip, "[Content_Types].xml", DocxContentTypes);
        var megabyte = new byte[1024 * 1024];
        using var part = zip.CreateEntry(DocumentPart, CompressionLevel.Optimal).Open();
        for (var i = 0; i < megabytes; i++)
        {
            part.Write(megabyte);
        }
    }

    /// <summary>
    /// A Word document of one paragraph of <paramref name="megabytes"/> MB of letters whose ZIP
    /// headers claim the part is <see cref="LyingSize"/> bytes: it passes a check of the directory.
    /// </summary>
    public static void WriteLyingBomb(string path, int megabytes)
    {
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            AddText(zip, "[Content_Types].xml", DocxContentTypes);
            AddText(zip, "_rels/.rels", DocxRelationships);
            using var part = zip.CreateEntry(DocumentPart, CompressionLevel.Optimal).Open();
            part.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"""u8);
            var letters = new byte[1024 * 1024];
            letters.AsSpan().Fill((byte)'A');
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(letters);
            }

            part.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }

        // The uncompressed size stands at offset 24 of the part's central directory entry and at
        // offset 22 of its local header, whose position the central entry gives at offset 42.
        var bytes = File.ReadAllBytes(path);
        var central = CentralEntryOf(bytes, DocumentPart);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + 24), LyingSize);
        var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(central + 42));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), LyingSize);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A package of <paramref name="count"/> empty parts.</summary>
    public static byte[] ManyParts(int count)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", DocxContentTypes);
            for (var i = 1; i < count; i++)
            {
                zip.CreateEntry($"customXml/item{i}.xml", CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A valid ZIP that declares a Word document whose part is random bytes, not XML.</summary>
    public static byte[] GarbageDocx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", DocxContentTypes);
            var garbage = new byte[4096];
            new Random(13).NextBytes(garbage);
            using var part = zip.CreateEntry(DocumentPart).Open();
            part.Write(garbage);
        }

        return buffer.ToArray();
    }

    private static int CentralEntryOf(byte[] zip, string name)
    {
        var wanted = Encoding.ASCII.GetBytes(name);
        for (var at = 0; at + 46 + wanted.Length <= zip.Length; at++)
        {
            if (zip.AsSpan(at).StartsWith("PK\x01\x02"u8) && zip.AsSpan(at + 46).StartsWith(wanted))
            {
                return at;
            }
        }

        throw new InvalidDataException($"{name} has no central directory entry");
    }

    private static void AddText(ZipArchive zip, string name, string text)
    {
        using var part = zip.CreateEntry(name).Open();
        part.Write(Encoding.UTF8.GetBytes(text));
    }
}
