using System.Text.Json;
using DocManager.Data;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;
using Microsoft.EntityFrameworkCore;
using Document = DocManager.Documents.Document;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4 and §7: `/api/documents` pages with opaque keyset cursors. Following `nextCursor` with
/// `limit=3` visits every visible document exactly once, in the order of each sort (ties broken
/// the same way every time), and documents added between two page requests never make an
/// earlier one skip or repeat — what infinite scroll needs.
/// </summary>
public sealed class CursorPaginationTests
{
    public static readonly string[] Sorts = ["-date", "date", "title", "-title", "size", "-size"];

    public static TheoryData<Backend, string> BackendsAndSorts => Backends.OnEachDatabaseWith(Sorts);

    [Theory]
    [MemberData(nameof(BackendsAndSorts))]
    public async Task Walk_VisitsEveryDocumentOnceInSortOrder(Backend backend, string sort)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);

        var walked = await WalkAsync(library.Reader.Api(), $"sort={sort}", limit: 3);

        var expected = Order(await library.VisibleAsync(), sort).Select(d => d.Id).ToList();
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, walked);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Walk_WithoutASort_IsNewestFirst(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);

        var walked = await WalkAsync(library.Reader.Api(), "", limit: 3);

        Assert.Equal(Order(await library.VisibleAsync(), "-date").Select(d => d.Id), walked);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(10, 1)]
    [InlineData(1, 10)]
    public async Task Walk_WithALimitDividingTheCount_EndsWithoutAnEmptyPage(int limit, int pages)
    {
        await using var app = await TestApp.StartAsync();
        using var library = await Library.CreateAsync(app);
        var api = library.Reader.Api();

        var walked = new List<int>();
        var seen = 0;
        string? cursor = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/documents?sort=title&limit={limit}" + CursorParameter(cursor));
            var items = page.GetProperty("items");
            Assert.Equal(limit, items.GetArrayLength());
            walked.AddRange(items.Ids());
            cursor = NextCursor(page);
            seen++;
        }
        while (cursor is not null);

        Assert.Equal(pages, seen);
        Assert.Equal(Order(await library.VisibleAsync(), "title").Select(d => d.Id), walked);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Walk_WithASearchAndNoSort_GivesTitleMatchesFirst(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        var titleMatches = new List<int>
        {
            await reader.CreateNoteIdAsync("Budget review"),
            await reader.CreateNoteIdAsync("Annual budget", new Field("description", "budget budget budget")),
        };
        var otherMatches = new List<int>
        {
            await reader.CreateNoteIdAsync("Spending plan", new Field("description", "the budget for spring")),
            await reader.CreateNoteIdAsync("Travel costs", new Field("tags", "budget")),
        };
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        otherMatches.Add(await reader.CreateNoteIdAsync("Holiday costs", new Field("description", "within budget")));
        var shared = await sharer.ShareNewNoteAsync("Team budget", reader);
        titleMatches.Add(shared);
        await reader.CreateNoteIdAsync("Garden ideas");
        await sharer.CreateNoteIdAsync("Private budget");

        var walked = await WalkAsync(reader.Api(), "q=budget", limit: 2);

        Assert.Equal(titleMatches.Order(), walked.Take(3).Order());
        Assert.Equal(otherMatches.Order(), walked.Skip(3).Order());
        Assert.Equal((await reader.Api().GetJsonAsync("/api/documents?q=budget&limit=100")).GetProperty("items").Ids(), walked);
    }

    [Theory]
    [MemberData(nameof(BackendsAndSorts))]
    public async Task Walk_WhileDocumentsAreAdded_NeitherSkipsNorRepeats(Backend backend, string sort)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);
        var original = (await library.VisibleAsync()).Select(d => d.Id).ToHashSet();
        var added = 0;

        // Between the first pages, the reader adds documents whose keys fall before, at and after
        // the page boundary: the same time, size or title neighbours as documents already listed.
        var walked = await WalkAsync(library.Reader.Api(), $"sort={sort}", limit: 3, betweenPages: async () =>
        {
            if (++added > 3)
            {
                return; // stop adding, or an ascending walk would never reach the end
            }

            await library.Reader.CreateNoteIdAsync($"aardvark{added}");
            await library.Reader.UploadDocumentAsync(TestFile.PngOfSize($"inserted{added}.png", 500), new Field("title", $"mango{added}"));
            await library.Reader.CreateNoteIdAsync($"zebra{added}");
            app.Clock.Advance(TimeSpan.FromMilliseconds(1500));
        });

        Assert.True(added >= 3, "the walk ended before documents were added");
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Subset(walked.ToHashSet(), original);
        var now = await library.VisibleAsync();
        var position = Order(now, sort).Select(d => d.Id).ToList();
        Assert.Equal(walked.OrderBy(position.IndexOf), walked); // still in sort order
    }

    [Theory]
    [OnEachDatabase]
    public async Task Walk_AfterTheLastListedDocumentIsDeleted_Continues(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);
        var api = library.Reader.Api();
        var expected = Order(await library.VisibleAsync(), "title").Select(d => d.Id).ToList();

        var first = await api.GetJsonAsync("/api/documents?sort=title&limit=3");
        var last = first.GetProperty("items").Ids()[^1];
        var ownLast = (await library.VisibleAsync()).Single(d => d.Id == last).OwnerId == await app.UserIdAsync(library.Reader);
        var deletedBy = ownLast ? api : library.Sharer.Api();
        using (var deleted = await deletedBy.DeleteAsync($"/api/documents/{last}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var rest = await WalkAsync(api, "sort=title", limit: 3, cursor: NextCursor(first));

        Assert.Equal(expected.Skip(3), rest);
    }

    /// <summary>Follows `nextCursor` from the first page (or <paramref name="cursor"/>) to the end, checking each page's size.</summary>
    private static async Task<List<int>> WalkAsync(ApiClient api, string query, int limit, Func<Task>? betweenPages = null, string? cursor = null)
    {
        var ids = new List<int>();
        for (var pages = 1; ; pages++)
        {
            Assert.True(pages <= 50, "the walk does not end");
            var page = await api.GetJsonAsync($"/api/documents?limit={limit}" + (query.Length > 0 ? "&" + query : "") + CursorParameter(cursor));
            var items = page.GetProperty("items");
            Assert.InRange(items.GetArrayLength(), 1, limit);
            ids.AddRange(items.Ids());
            cursor = NextCursor(page);
            if (cursor is null)
            {
                return ids;
            }

            Assert.Equal(limit, items.GetArrayLength());
            if (betweenPages is not null)
            {
                await betweenPages();
            }
        }
    }

    private static string CursorParameter(string? cursor) => cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor);

    private static string? NextCursor(JsonElement page) =>
        page.GetProperty("nextCursor") is { ValueKind: JsonValueKind.String } next ? next.GetString() : null;

    /// <summary>The order SPEC §3 defines for each sort, ties broken by id in the sort's direction.</summary>
    private static IEnumerable<Document> Order(IEnumerable<Document> documents, string sort) => sort switch
    {
        "date" => documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id),
        "-date" => documents.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id),
        "title" => documents.OrderBy(d => d.TitleKey, StringComparer.Ordinal).ThenBy(d => d.Id),
        "-title" => documents.OrderByDescending(d => d.TitleKey, StringComparer.Ordinal).ThenByDescending(d => d.Id),
        "size" => documents.OrderBy(d => d.Size).ThenBy(d => d.Id),
        "-size" => documents.OrderByDescending(d => d.Size).ThenByDescending(d => d.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    /// <summary>
    /// Ten documents the reader can see: eight of their own (notes and files, with equal sizes and
    /// equal creation times among them) and two shared by another user, one with the same title as
    /// one of the reader's. The other user keeps one more to themselves. Titles are single words,
    /// so every database collation orders them as ordinal comparison does.
    /// </summary>
    private sealed class Library : IDisposable
    {
        private readonly TestApp _app;

        private Library(TestApp app, Browser reader, Browser sharer)
        {
            _app = app;
            Reader = reader;
            Sharer = sharer;
        }

        public Browser Reader { get; }

        public Browser Sharer { get; }

        public static async Task<Library> CreateAsync(TestApp app)
        {
            var reader = await app.NewUserAsync();
            var sharer = await app.NewUserAsync();
            var second = TimeSpan.FromSeconds(1);

            await reader.CreateNoteIdAsync("apple");
            await reader.UploadDocumentAsync(TestFile.PngOfSize("b.png", 500), new Field("title", "Bravo"));
            app.Clock.Advance(second);
            await reader.UploadDocumentAsync(TestFile.PngOfSize("c.png", 300), new Field("title", "cherry"));
            await reader.CreateNoteIdAsync("delta");
            app.Clock.Advance(second);
            await reader.UploadDocumentAsync(TestFile.PngOfSize("e.png", 500), new Field("title", "Echo"));
            await reader.UploadDocumentAsync(TestFile.PngOfSize("f.png", 1200), new Field("title", "foxtrot"));
            app.Clock.Advance(second);
            await reader.CreateNoteIdAsync("golf");
            await reader.UploadDocumentAsync(TestFile.PngOfSize("h.png", 300), new Field("title", "Hotel"));
            app.Clock.Advance(second);
            var mango = await sharer.UploadDocumentAsync(TestFile.PngOfSize("m.png", 700), new Field("title", "mango"));
            var apple = await sharer.CreateNoteIdAsync("Apple");
            await sharer.CreateNoteIdAsync("zulu");
            await sharer.ShareDocumentAsync(mango, reader);
            await sharer.ShareDocumentAsync(apple, reader);
            return new Library(app, reader, sharer);
        }

        /// <summary>The reader's own documents and those shared with them, as stored now.</summary>
        public async Task<List<Document>> VisibleAsync()
        {
            var readerId = await _app.UserIdAsync(Reader);
            var shared = (await _app.Instance.WithScopeAsync<AppDbContext, List<int>>(db =>
                db.Shares.Where(s => s.UserId == readerId).Select(s => s.DocumentId).ToListAsync())).ToHashSet();
            return [.. (await _app.DocumentsAsync()).Where(d => d.OwnerId == readerId || shared.Contains(d.Id))];
        }

        public void Dispose()
        {
            Reader.Dispose();
            Sharer.Dispose();
        }
    }
}
