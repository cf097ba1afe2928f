using System.Globalization;

namespace DocManager.Bench.Load;

/// <summary>
/// What the preview rows need, handed over like <see cref="BenchSession"/> (environment variables for
/// wrk, lines of a shell file between `seed` and `run`): three signed-in users — one whose documents
/// have thumbnails, one with only notes, one holding files of the thumbnails' sizes — the thumbnail
/// addresses the list page links to, and the download addresses of the same-size files.
/// </summary>
public sealed record PreviewSession(
    string ThumbnailCookies,
    IReadOnlyList<string> ThumbnailPaths,
    IReadOnlyList<long> ThumbnailBytes,
    string NotesCookies,
    string SameSizeCookies,
    IReadOnlyList<string> SameSizePaths,
    int Documents,
    int Pdfs,
    double PreparedSeconds)
{
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["PREVIEW_THUMBNAIL_COOKIES"] = ThumbnailCookies,
        ["PREVIEW_THUMBNAIL_PATHS"] = string.Join(' ', ThumbnailPaths),
        ["PREVIEW_THUMBNAIL_BYTES"] = string.Join(' ', ThumbnailBytes.Select(b => b.ToString(CultureInfo.InvariantCulture))),
        ["PREVIEW_NOTES_COOKIES"] = NotesCookies,
        ["PREVIEW_SAME_SIZE_COOKIES"] = SameSizeCookies,
        ["PREVIEW_SAME_SIZE_PATHS"] = string.Join(' ', SameSizePaths),
        ["PREVIEW_DOCUMENTS"] = Documents.ToString(CultureInfo.InvariantCulture),
        ["PREVIEW_PDFS"] = Pdfs.ToString(CultureInfo.InvariantCulture),
        ["PREVIEW_PREPARED_SECONDS"] = PreparedSeconds.ToString("0.0", CultureInfo.InvariantCulture),
    };

    /// <summary>As lines `NAME='value'` for a shell to source (values never contain a quote).</summary>
    public string ToShell() => string.Concat(Environment().Select(e => $"{e.Key}='{e.Value}'\n"));

    /// <summary>The session in <paramref name="values"/>, or null when `seed` made none.</summary>
    public static PreviewSession? FromEnvironment(IReadOnlyDictionary<string, string> values)
    {
        if (!values.ContainsKey("PREVIEW_THUMBNAIL_PATHS"))
        {
            return null;
        }

        static string[] Words(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new PreviewSession(
            values["PREVIEW_THUMBNAIL_COOKIES"],
            Words(values["PREVIEW_THUMBNAIL_PATHS"]),
            [.. Words(values["PREVIEW_THUMBNAIL_BYTES"]).Select(b => long.Parse(b, CultureInfo.InvariantCulture))],
            values["PREVIEW_NOTES_COOKIES"],
            values["PREVIEW_SAME_SIZE_COOKIES"],
            Words(values["PREVIEW_SAME_SIZE_PATHS"]),
            int.Parse(values["PREVIEW_DOCUMENTS"], CultureInfo.InvariantCulture),
            int.Parse(values["PREVIEW_PDFS"], CultureInfo.InvariantCulture),
            double.Parse(values["PREVIEW_PREPARED_SECONDS"], CultureInfo.InvariantCulture));
    }
}
