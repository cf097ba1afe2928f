using System.Globalization;
using System.Text;

namespace DocManager.Tests.Infrastructure;

/// <summary>A real PDF with one page per given text (standard Helvetica font), for page-limit tests.</summary>
public static class MultiPagePdf
{
    public static TestFile Create(string name, params string[] pageTexts) => Create(name, (612, 792), pageTexts);

    /// <summary>Pages of the given size in points (width, height): a page a point wide and metres tall is a PDF bomb.</summary>
    public static TestFile Create(string name, (int Width, int Height) pageSize, params string[] pageTexts)
    {
        // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, once the pages' numbers are known
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var kids = new List<string>();
        foreach (var text in pageTexts)
        {
            var pageNumber = objects.Count + 1;
            var content = $"BT /F1 12 Tf 72 720 Td ({text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)}) Tj ET";
            objects.Add(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pageSize.Width} {pageSize.Height}] /Contents {pageNumber + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>"));
            objects.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream"));
            kids.Add(string.Create(CultureInfo.InvariantCulture, $"{pageNumber} 0 R"));
        }

        objects[1] = string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{string.Join(' ', kids)}] /Count {pageTexts.Length} >>");
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return new TestFile(name, Encoding.ASCII.GetBytes(pdf.ToString()), "application/pdf");
    }
}
