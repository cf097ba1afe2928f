using System.Globalization;

namespace DocManager.Previews;

/// <summary>
/// The addresses of a document's preview images. Each carries `v`, taken from the images' stem, so the
/// address changes whenever the images do and a browser may keep what it fetched for a year.
/// </summary>
public static class PreviewUrls
{
    private const int VersionLength = 12;

    public static string Thumbnail(int documentId, string previewKey) =>
        string.Create(CultureInfo.InvariantCulture, $"/documents/{documentId}/thumbnail?v={VersionOf(previewKey)}");

    public static string Page(int documentId, int page, string previewKey) =>
        string.Create(CultureInfo.InvariantCulture, $"/documents/{documentId}/pages/{page}?v={VersionOf(previewKey)}");

    /// <summary>The `v` of the images made under this stem.</summary>
    public static string VersionOf(string previewKey) => previewKey[..VersionLength];

    /// <summary>The entity tag of one image: its stem and page, unique for every image ever made.</summary>
    public static string ETagOf(string previewKey, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{previewKey}-{page}\"");
}
