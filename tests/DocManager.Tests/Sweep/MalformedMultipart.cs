using System.Text;

namespace DocManager.Tests.Sweep;

/// <summary>
/// Multipart bodies a client or fuzzer gets wrong, each with the Content-Type it is sent with. The
/// sweep sends each to every multipart route of the catalogue; the intake's own tests send them
/// after the form's anti-forgery part as well.
/// </summary>
public static class MalformedMultipart
{
    public const string Boundary = "----docmanager-test-boundary";

    /// <summary>Each kind of broken body: its Content-Type and its bytes after the anti-forgery part.</summary>
    public static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Body)> Bodies = new Dictionary<string, (string ContentType, byte[] Body)> 
    {
        ["ends mid-file without the closing boundary"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj\n<< /Type /Cat")),
        ["ends inside a part's headers"] = (Multipart(Boundary), Ascii($"--{Boundary}\r\nContent-Disposition: form-da")),
        ["ends right after a boundary line"] = (Multipart(Boundary), Ascii($"--{Boundary}\r\n")),
        ["a part without Content-Disposition"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 anonymous\r\n--{Boundary}--\r\n")),
        ["a Content-Disposition that is not form-data"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\n\r\n%PDF-1.4\r\n--{Boundary}--\r\n")),
        ["a part's headers longer than allowed"] = (Multipart(Boundary),
            Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\nX-Padding: {new string('a', 40_000)}\r\n\r\nTitle\r\n--{Boundary}--\r\n")),
        ["a boundary longer than 70 characters"] = (Multipart(new string('b', 71)),
            Ascii($"--{new string('b', 71)}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n\r\n%PDF-1.4\r\n--{new string('b', 71)}--\r\n")),
        ["no boundary parameter"] = ("multipart/form-data", Ascii("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--x--\r\n")),
        ["bytes that are not multipart at all"] = (Multipart(Boundary), [0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]),
        ["a field that is not UTF-8"] = (Multipart(Boundary),
            [.. Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"), 0xff, 0xfe, 0xc3, 0x28,
             .. Ascii($"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--{Boundary}--\r\n")]),
        ["an empty body"] = (Multipart(Boundary), []),
    };

    /// <summary>The `boundary` parameter of a Content-Type, or null.</summary>
    public static string? BoundaryOf(string contentType) =>
        contentType.IndexOf("boundary=", StringComparison.Ordinal) is var at and >= 0 ? contentType[(at + "boundary=".Length)..] : null;

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Multipart(string boundary) => $"multipart/form-data; boundary={boundary}";
}
