using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace DocManager.Tests.Infrastructure;

/// <summary>A file a test uploads: real bytes of each allowed kind, built in memory.</summary>
public sealed record TestFile(string Name, byte[] Content, string ClaimedType = "application/octet-stream")
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Content);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ClaimedType);
        return content;
    }

    public static TestFile Pdf(string name = "report.pdf", int extraBytes = 1024) =>
        new(name, [.. "%PDF-1.7\n"u8, .. RandomBytes(extraBytes), .. "\n%%EOF\n"u8], "application/pdf");

    public static TestFile Png(string name = "picture.png") =>
        new(name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(256)], "image/png");

    /// <summary>A PNG of exactly <paramref name="size"/> bytes, for tests of sizes, quotas and size order.</summary>
    public static TestFile PngOfSize(string name, int size) =>
        new(name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(size - 8)], "image/png");

    public static TestFile Jpeg(string name = "photo.jpg") => new(name, [0xFF, 0xD8, 0xFF, 0xE0, .. RandomBytes(256)], "image/jpeg");

    public static TestFile Gif(string name = "anim.gif") => new(name, [.. "GIF89a"u8, .. RandomBytes(64)], "image/gif");

    public static TestFile Webp(string name = "image.webp") => new(name, [.. "RIFF"u8, 0x20, 0, 0, 0, .. "WEBPVP8 "u8, .. RandomBytes(64)], "image/webp");

    public static TestFile Text(string name = "notes.txt", string text = "Plain UTF-8 text: héllo wörld ✓\n") =>
        new(name, Encoding.UTF8.GetBytes(text), "text/plain");

    public static TestFile Docx(string name = "letter.docx") =>
        Office(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml");

    public static TestFile Xlsx(string name = "sheet.xlsx") =>
        Office(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "/xl/workbook.xml");

    public static TestFile Pptx(string name = "slides.pptx") =>
        Office(name, "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "/ppt/presentation.xml");

    /// <summary>A ZIP package whose [Content_Types].xml declares the given main part, as Office writes it.</summary>
    public static TestFile Office(string name, string mainContentType, string partName)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write($"""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                      <Default Extension="xml" ContentType="application/xml"/>
                      <Override PartName="{partName}" ContentType="{mainContentType}"/>
                    </Types>
                    """);
            }

            using (var writer = new StreamWriter(zip.CreateEntry(partName.TrimStart('/')).Open()))
            {
                writer.Write("<document/>");
            }
        }

        return new TestFile(name, buffer.ToArray());
    }

    public static byte[] RandomBytes(int count) => RandomNumberGenerator.GetBytes(count);
}
