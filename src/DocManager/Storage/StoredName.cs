using System.Globalization;
using System.Security.Cryptography;

namespace DocManager.Storage;

/// <summary>
/// Generated names for stored files: 32 lower-case hex characters from the CSPRNG. Nothing a client
/// sends ever becomes part of a path, so path traversal is impossible by construction. A document's
/// preview images are stored beside the files under names derived from a generated stem:
/// `{stem}-t` for the thumbnail and `{stem}-p{n}` for page n.
/// </summary>
public static class StoredName
{
    private const int StemLength = 32;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>Pages beyond this never get an image, so a derived name has at most four digits.</summary>
    public const int MaxPreviewPage = 9999;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The name of a preview image: page 0 is the thumbnail, pages 1… the page images.</summary>
    public static string Preview(string stem, int page)
    {
        if (!IsStem(stem) || page is < 0 or > MaxPreviewPage)
        {
            throw new ArgumentException("Not a preview stem and page.", nameof(stem));
        }

        return page == 0 ? stem + "-t" : string.Create(CultureInfo.InvariantCulture, $"{stem}-p{page}");
    }

    /// <summary>The generated stem a stored name starts with: the name itself for a document's file.</summary>
    public static string StemOf(string name) => RequireValid(name)[..StemLength];

    /// <summary>Whether the name is a preview image's rather than a document's file.</summary>
    public static bool IsPreview(string name) => IsValid(name) && name.Length > StemLength;

    /// <summary>True only for names this app generates; anything else is refused before touching the disk.</summary>
    public static bool IsValid(string? name)
    {
        if (name is null || name.Length < StemLength || !IsStem(name[..StemLength]))
        {
            return false;
        }

        var suffix = name.AsSpan(StemLength);
        return suffix.Length == 0 || suffix is "-t" ||
            (suffix.Length is >= 3 and <= 6 && suffix.StartsWith("-p") && suffix[2] is >= '1' and <= '9' &&
             !suffix[3..].ContainsAnyExcept(Digits));
    }

    public static string RequireValid(string name) =>
        IsValid(name) ? name : throw new ArgumentException("Not a stored file name.", nameof(name));

    private static bool IsStem(string stem) =>
        stem.Length == StemLength && stem.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
