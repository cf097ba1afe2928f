using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocManager.Bench.Load;

/// <summary>
/// Fills a running DocManager through its own HTTP API, as a user would: registers the measured user,
/// uploads one 1 MiB file (the download target) and creates the other documents as notes, many at a
/// time. Going through the API keeps every rule, the search index and the counters exactly as the app
/// keeps them; 1,000 documents take a few seconds.
/// </summary>
public static class Seeder
{
    public const int DownloadBytes = 1024 * 1024;
    public const string SearchWord = "quarterly";
    private const string Password = "bench-password-1";
    private static readonly string[] Categories = ["report", "invoice", "contract", "notes", "other"];

    public static async Task<BenchSession> SeedAsync(Uri baseAddress, int documents, TextWriter log, CancellationToken cancellationToken)
    {
        var (client, user, token) = await RegisterAsync(baseAddress, "bench", cancellationToken);
        using (client)
        {
            var fileId = await UploadAsync(client, token, "bench-download.png", Png(DownloadBytes), "image/png", cancellationToken);
            await AddNotesAsync(client, token, documents - 1, cancellationToken);
            log.WriteLine($"seeded user {user}: 1 file of {DownloadBytes:N0} bytes and {documents - 1:N0} notes");

            // A separate anonymous visitor's login form: its cookie and token are what POST /login needs.
            using var visitor = new SiteClient(baseAddress);
            var loginToken = await visitor.PageTokenAsync("/login", cancellationToken);
            return new BenchSession(user, Password, client.CookieHeader, token, visitor.CookieHeader, loginToken, fileId, SearchWord, documents);
        }
    }

    /// <summary>Registers a new user named <paramref name="prefix"/> and four digits; its client is signed in and holds the list page's token.</summary>
    internal static async Task<(SiteClient Client, string User, string Token)> RegisterAsync(Uri baseAddress, string prefix, CancellationToken cancellationToken)
    {
        var user = prefix + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var client = new SiteClient(baseAddress);
        try
        {
            var token = await client.PageTokenAsync("/register", cancellationToken);
            await client.PostFormAsync("/register", token, HttpStatusCode.SeeOther, cancellationToken,
                ("username", user), ("password", Password), ("confirmPassword", Password));
            token = await client.PageTokenAsync("/documents", cancellationToken);
            return (client, user, token);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Creates <paramref name="count"/> notes of random words (one in ten a "quarterly" one), many at a time.</summary>
    internal static async Task AddNotesAsync(SiteClient client, string token, int count, CancellationToken cancellationToken)
    {
        var words = Words();
        var random = new Random(42);
        var notes = Enumerable.Range(1, count).Select(i => Note(i, words, random)).ToList();
        await Parallel.ForEachAsync(notes, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (note, ct) => await client.PostJsonAsync("/api/documents", token, note, HttpStatusCode.Created, ct));
    }

    /// <summary>A file the intake accepts as PNG (it checks the signature), of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] Png(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>Uploads one file through `POST /api/files` and returns the new document's id.</summary>
    internal static async Task<int> UploadAsync(SiteClient client, string token, string name, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(contentType);
        form.Add(file, "file", name);
        using var response = await client.SendAsync(HttpMethod.Post, "/api/files", token, form, HttpStatusCode.Created, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
    }

    private static object Note(int i, string[] words, Random random)
    {
        string Pick() => words[random.Next(words.Length)];
        // One note in ten is a "quarterly" one, so a search for it ranks about a hundred matches.
        var title = (i % 10 == 0 ? SearchWord + " " : "") + $"{Pick()} {Pick()} {Pick()} {i}";
        var description = string.Join(' ', Enumerable.Range(0, random.Next(20, 60)).Select(_ => Pick()));
        return new
        {
            title,
            description,
            category = Categories[i % Categories.Length],
            tags = new[] { Pick(), Pick() }.Distinct().Where(t => t.Length <= 32).ToArray(),
            priority = "normal",
        };
    }

    internal static string[] Words() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "words.txt"))
            .Select(line => line.Split(' ')[0])
            .Where(word => word.Length >= 3 && word.All(char.IsAsciiLetterLower))];
}
