using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocManager.Bench.Load;

/// <summary>A document's background work as `GET /api/documents/{id}` reports it (SPEC §8).</summary>
public sealed record DocumentState(string PreviewStatus, int PreviewPages, string TextStatus, string? TextSource)
{
    public bool Settled => PreviewStatus != "pending" && TextStatus != "pending";

    internal static async Task<DocumentState> GetAsync(SiteClient client, int id, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/documents/{id}", null, null, HttpStatusCode.OK, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var preview = json.RootElement.GetProperty("preview");
        var text = json.RootElement.GetProperty("text");
        return new DocumentState(
            preview.GetProperty("status").GetString()!,
            preview.GetProperty("pages").GetInt32(),
            text.GetProperty("status").GetString()!,
            text.GetProperty("source").GetString());
    }
}

/// <summary>
/// Fills a running DocManager for the preview rows, through its HTTP API like <see cref="Seeder"/>: a user
/// with real files (photographs as JPEG, one in twenty a one-page PDF with a text layer) whose previews
/// the server makes in its background jobs — waited for until every one is ready and every text job has
/// finished, so no background work runs under the measured rows — a user with as many notes, and a
/// user holding one file of the exact byte size of each thumbnail the first list page shows.
/// </summary>
public static partial class PreviewSeeder
{
    /// <summary>Distinct photographs made; uploads cycle through them (each upload is still its own document and preview).</summary>
    private const int DistinctPhotos = 200;

    private const int PdfEvery = 20;

    /// <summary>Longest a single document may stay pending before the seeding gives up: the server's background work is stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(5);

    public static async Task<PreviewSession> SeedAsync(Uri baseAddress, int documents, TextWriter log, CancellationToken cancellationToken)
    {
        var words = Seeder.Words();
        var (thumbnails, thumbnailUser, thumbnailToken) = await Seeder.RegisterAsync(baseAddress, "thumbs", cancellationToken);
        using var _ = thumbnails;

        // Photos in the sizes of the web and of a phone's export, landscape and portrait; small enough that
        // the server's OCR of each (images are read by tesseract too) keeps the seeding to minutes.
        (int Width, int Height)[] sizes = [(800, 600), (600, 800), (1024, 683), (768, 768)];
        var photos = new byte[DistinctPhotos][];
        Parallel.For(0, DistinctPhotos, i =>
        {
            var (width, height) = sizes[i % sizes.Length];
            photos[i] = SampleFiles.Photo(i, width, height, $"{words[i * 7 % words.Length]} {2020 + (i % 6)}");
        });

        var watch = Stopwatch.StartNew();
        var ids = new int[documents];
        var pdfs = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, documents), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (name, bytes, type) = i % PdfEvery == PdfEvery - 1
                    ? ($"report-{i:0000}.pdf", SampleFiles.Pdf(1, i, words), "application/pdf")
                    : ($"photo-{i:0000}.jpg", photos[i % DistinctPhotos], "image/jpeg");
                if (type == "application/pdf")
                {
                    Interlocked.Increment(ref pdfs);
                }

                ids[i] = await Seeder.UploadAsync(thumbnails, thumbnailToken, name, bytes, type, ct);
            });
        log.WriteLine($"seeded user {thumbnailUser}: {documents - pdfs:N0} photographs and {pdfs:N0} PDFs uploaded in {watch.Elapsed.TotalSeconds:0.0} s; waiting for their previews");
        await WaitSettledAsync(thumbnails, ids, mustBeReady: true, log, cancellationToken);
        var prepared = watch.Elapsed.TotalSeconds;
        log.WriteLine($"all {documents:N0} previews ready and text jobs done {prepared:0.0} s after the first upload");

        // The thumbnails the list page's cards link to, as a browser would find them.
        using var listResponse = await thumbnails.SendAsync(HttpMethod.Get, "/documents?pageSize=50", null, null, HttpStatusCode.OK, cancellationToken);
        var list = await listResponse.Content.ReadAsStringAsync(cancellationToken);
        var paths = ThumbnailSource().Matches(list).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        if (paths.Count != Math.Min(50, documents))
        {
            throw new InvalidOperationException($"/documents?pageSize=50 links to {paths.Count} thumbnails, expected {Math.Min(50, documents)}");
        }

        var sizesInBytes = new List<long>();
        foreach (var path in paths)
        {
            sizesInBytes.Add(await CheckThumbnailAsync(thumbnails, path, cancellationToken));
        }

        var (notes, notesUser, notesToken) = await Seeder.RegisterAsync(baseAddress, "notes", cancellationToken);
        using var __ = notes;
        await Seeder.AddNotesAsync(notes, notesToken, documents, cancellationToken);
        log.WriteLine($"seeded user {notesUser}: {documents:N0} notes");

        // One file of each thumbnail's exact byte size (PNG signature, then random bytes: the previewer and OCR
        // refuse them at once), with a user of their own so neither list above changes.
        var (sameSize, sameSizeUser, sameSizeToken) = await Seeder.RegisterAsync(baseAddress, "files", cancellationToken);
        using var ___ = sameSize;
        var fileIds = new List<int>();
        for (var i = 0; i < sizesInBytes.Count; i++)
        {
            fileIds.Add(await Seeder.UploadAsync(sameSize, sameSizeToken, $"same-size-{i:00}.png", Seeder.Png((int)sizesInBytes[i]), "image/png", cancellationToken));
        }

        await WaitSettledAsync(sameSize, fileIds, mustBeReady: false, TextWriter.Null, cancellationToken);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded user {sameSizeUser}: {fileIds.Count} files of the thumbnails' sizes ({sizesInBytes.Min():N0} to {sizesInBytes.Max():N0} bytes, mean {sizesInBytes.Average():N0})"));

        return new PreviewSession(
            thumbnails.CookieHeader, paths, sizesInBytes, notes.CookieHeader, sameSize.CookieHeader,
            [.. fileIds.Select(id => $"/files/{id}")], documents, pdfs, prepared);
    }

    /// <summary>
    /// Waits until every document's preview and text jobs have finished, in upload order (the jobs run in
    /// that order): with <paramref name="mustBeReady"/>, a preview that ended otherwise than ready stops the benchmark.
    /// </summary>
    internal static async Task WaitSettledAsync(SiteClient client, IReadOnlyList<int> ids, bool mustBeReady, TextWriter log, CancellationToken cancellationToken)
    {
        foreach (var (id, index) in ids.Order().Select((id, index) => (id, index)))
        {
            var since = Stopwatch.StartNew();
            DocumentState state;
            while (!(state = await DocumentState.GetAsync(client, id, cancellationToken)).Settled)
            {
                if (since.Elapsed > Stuck)
                {
                    throw new TimeoutException($"document {id} has been pending for {Stuck.TotalMinutes} minutes: {state}");
                }

                await Task.Delay(100, cancellationToken);
            }

            if (mustBeReady && state.PreviewStatus != "ready")
            {
                throw new InvalidOperationException($"document {id}'s preview ended {state.PreviewStatus}, not ready: {state}");
            }

            if ((index + 1) % 100 == 0)
            {
                log.WriteLine($"  {index + 1:N0} of {ids.Count:N0} settled");
            }
        }
    }

    /// <summary>Fetches one thumbnail as the list page links to it, checks what SPEC §8 promises, and returns its size.</summary>
    private static async Task<long> CheckThumbnailAsync(SiteClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, null, null, HttpStatusCode.OK, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var problems = new List<string>();
        if (response.Content.Headers.ContentType?.MediaType != "image/webp")
        {
            problems.Add($"Content-Type {response.Content.Headers.ContentType}");
        }

        if (response.Headers.CacheControl is not { MaxAge.TotalDays: >= 365 } cache || !cache.ToString().Contains("immutable", StringComparison.Ordinal))
        {
            problems.Add($"Cache-Control {response.Headers.CacheControl}");
        }

        if (response.Headers.ETag is not { } etag)
        {
            problems.Add("no ETag");
        }
        else
        {
            // A browser that revalidates gets 304 and no body.
            using var revalidated = await client.SendAsync(HttpMethod.Get, path, null, null, HttpStatusCode.NotModified, cancellationToken,
                ("If-None-Match", etag.ToString()));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{path}: {string.Join("; ", problems)}");
        }

        return bytes.LongLength;
    }

    [GeneratedRegex("<img src=\"(/documents/[0-9]+/thumbnail\\?v=[^\"]+)\"")]
    private static partial Regex ThumbnailSource();
}
