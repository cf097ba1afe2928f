using System.Globalization;
using System.IO.Compression;

namespace DocManager.Previews;

/// <summary>
/// A look at an Office file's ZIP central directory before a converter opens it: a ZIP bomb (a few
/// megabytes that inflate to gigabytes, or a package of countless parts) is refused from the sizes
/// and the count it declares, without inflating a byte. A bomb whose directory lies gets past this
/// check but still meets the converter's memory, CPU and time limits.
/// </summary>
public static class OfficePackage
{
    /// <summary>Declared size of all parts together: a 16 MiB upload of ordinary XML and images stays far below.</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Parts in one package: a large workbook or deck has hundreds, not tens of thousands.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Declared size over the package's size; XML deflates about 10:1, a run of zeros about 1,000:1.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Below this declared size the ratio does not matter: a small, very regular file is harmless.</summary>
    public const long RatioCheckedAbove = 10L * 1024 * 1024;

    /// <summary>Why the package must not be converted, or null when its directory looks like an ordinary document's.</summary>
    /// <param name="package">A seekable stream (a file): ZIP reading then touches only the central directory.</param>
    public static string? Refusal(Stream package)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > MaxEntries)
            {
                return Text($"the package has {entries.Count:N0} parts, more than {MaxEntries:N0}");
            }

            long declared = 0;
            foreach (var entry in entries)
            {
                // Compared before adding, so sizes near long.MaxValue cannot overflow the sum.
                if (entry.Length < 0 || entry.Length > MaxUncompressedBytes - declared)
                {
                    return Text($"the package's parts declare more than {MaxUncompressedBytes / (1024 * 1024)} MB uncompressed");
                }

                declared += entry.Length;
            }

            if (declared > RatioCheckedAbove && declared / Math.Max(1, package.Length) > MaxCompressionRatio)
            {
                return Text($"the package inflates {declared / Math.Max(1, package.Length):N0} times its size, more than {MaxCompressionRatio}:1");
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "the file is not a readable ZIP package";
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
