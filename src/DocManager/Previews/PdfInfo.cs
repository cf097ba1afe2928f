using System.Globalization;
using System.Text.RegularExpressions;

namespace DocManager.Previews;

/// <summary>What `pdfinfo -f 1 -l N` says of a PDF: its page count and the first pages' sizes in points, as displayed (rotation applied).</summary>
public sealed partial record PdfInfo(int PageCount, IReadOnlyDictionary<int, (double Width, double Height)> PageSizes)
{
    public static PdfInfo? Parse(string output)
    {
        var pages = PagesLine().Match(output);
        if (!pages.Success || !int.TryParse(pages.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        var rotations = RotationLine().Matches(output).ToDictionary(m => Int(m.Groups[1]), m => Int(m.Groups[2]));
        var sizes = new Dictionary<int, (double, double)>();
        foreach (Match size in SizeLine().Matches(output))
        {
            var page = Int(size.Groups[1]);
            var (width, height) = (Real(size.Groups[2]), Real(size.Groups[3]));
            sizes[page] = rotations.GetValueOrDefault(page) % 180 == 90 ? (height, width) : (width, height);
        }

        return new PdfInfo(count, sizes);
    }

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static double Real(Group group) => double.Parse(group.ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pages:\s+(\d{1,9})\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page\s+(\d{1,9}) size:\s+(\d{1,9}(?:\.\d+)?) x (\d{1,9}(?:\.\d+)?) pts", RegexOptions.Multiline)]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"^Page\s+(\d{1,9}) rot:\s+(\d{1,3})", RegexOptions.Multiline)]
    private static partial Regex RotationLine();
}
