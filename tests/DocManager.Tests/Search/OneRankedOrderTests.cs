using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Search;

/// <summary>
/// One ranked search behind three faces: `/search?q=`, `/documents?q=` (no sort) and
/// `/api/documents?q=` (no sort) list the same documents in the same order — where the words are
/// (title, then tags or description, then file name, then only the file's text), newest first among
/// equals — and the API's cursor keeps that order exactly while documents are added.
/// </summary>
public sealed class OneRankedOrderTests
{
    private const string Word = "budget";

    [Theory]
    [OnEachDatabase]
    public async Task Search_List_AndApi_ListTheSameMatchesInTheSameRankedOrder(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);

        var (searched, searchTotal) = await library.Reader.SearchToTheEndAsync(Word);
        var (listed, listTotal) = await library.Reader.ListToTheEndAsync(Word, pageSize: 10);
        var walked = await library.Reader.Api().WalkApiAsync("q=" + Word, limit: 3);

        var expected = library.ExpectedOrder();
        Assert.True(expected.Count > 20, "the matches fit on one page of /search, so its paging is not exercised");
        Assert.Equal(expected, searched);
        Assert.Equal(expected, listed);
        Assert.Equal(expected, walked);
        Assert.Equal(expected.Count, searchTotal);
        Assert.Equal(expected.Count, listTotal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task ApiWalk_WithASearch_WhileDocumentsAreAdded_NeitherSkipsNorRepeats(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);
        var before = library.ExpectedOrder();
        using var stranger = app.CreateBrowser();
        await stranger.RegisterNewUserAsync();
        var round = 0;

        // Between pages the reader adds matches of every kind, some at the same moment as documents
        // already listed, and another user fills the shared index with the word, which changes
        // every corpus-wide relevance statistic (bm25's document frequencies and average lengths).
        var walked = await library.Reader.Api().WalkApiAsync("q=" + Word, limit: 4, betweenPages: async () =>
        {
            if (++round > 4)
            {
                return;
            }

            await library.Reader.CreateNoteIdAsync($"{Word} added {round}");
            await library.Reader.CreateNoteIdAsync($"Added note {round}", new Field("description", $"{Word} {Word}"));
            await library.Reader.UploadDocumentAsync(TestFile.Pdf($"{Word}-added-{round}.pdf"), new Field("title", $"Added file {round}"));
            for (var i = 0; i < 3; i++)
            {
                await stranger.CreateNoteIdAsync($"{Word} {Word} {round}.{i}", new Field("description", string.Join(' ', Enumerable.Repeat(Word, 20))));
            }

            app.Clock.Advance(TimeSpan.FromSeconds(round % 2));
        });

        Assert.True(round >= 4, "the walk ended before documents were added");
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Subset(walked.ToHashSet(), before.ToHashSet());
        var now = (await library.Reader.SearchToTheEndAsync(Word)).Ids;
        Assert.Equal(walked.OrderBy(now.IndexOf), walked);
    }

    [Theory]
    [OnEachDatabase]
    public async Task ListPage_InRankedOrder_HandsInfiniteScrollACursorThatContinuesIt(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var library = await Library.CreateAsync(app);

        var first = await library.Reader.GetPageAsync($"/documents?q={Word}&pageSize=10");
        var rest = await library.Reader.ScrollToTheEndAsync(first, limit: 10);

        Assert.Equal(library.ExpectedOrder(), first.CardIds().Concat(rest));
    }

    /// <summary>
    /// A reader's matches for <see cref="Word"/> in every place a word can be, some created at the
    /// same moment (so only the id tells them apart), one shared by another user, and documents that
    /// must not be found: another user's own match and a document without the word.
    /// </summary>
    private sealed class Library : IDisposable
    {
        // Where the word is, best first: the order the product promises (see decision "one ranked search").
        private const int TitleAndTagsOrDescription = 6;
        private const int TitleAndFileName = 5;
        private const int Title = 4;
        private const int TagsOrDescription = 2;
        private const int FileName = 1;
        private const int FileTextOnly = 0;

        private readonly List<(int Id, int Relevance, int Moment)> _matches = [];

        private Library(Browser reader) => Reader = reader;

        public Browser Reader { get; }

        public static async Task<Library> CreateAsync(TestApp app)
        {
            var library = new Library(app.CreateBrowser());
            var reader = library.Reader;
            var readerName = await reader.RegisterNewUserAsync();
            using var sharer = app.CreateBrowser();
            await sharer.RegisterNewUserAsync();
            var moment = 0;
            void Add(int id, int relevance) => library._matches.Add((id, relevance, moment));

            // The oldest document names the word most often: a frequency-based score would put it first in its group.
            Add(await reader.CreateNoteIdAsync("Spending plan", new Field("description", string.Join(' ', Enumerable.Repeat(Word, 30)))), TagsOrDescription);
            Add(await reader.CreateNoteIdAsync("Budget overview", new Field("description", "the budget for the year")), TitleAndTagsOrDescription);
            Add(await reader.CreateNoteIdAsync("Yearly budget"), Title);
            var shared = await sharer.CreateNoteIdAsync("Team budget");
            await sharer.ShareDocumentAsync(shared, readerName);
            Add(shared, Title);
            await sharer.CreateNoteIdAsync("Private budget");
            await reader.CreateNoteIdAsync("Garden ideas", new Field("description", "bud get"));

            app.Clock.Advance(TimeSpan.FromSeconds(1));
            moment++;
            Add(await reader.UploadDocumentAsync(TestFile.Pdf("Budget-sheet.pdf"), new Field("title", "Budget sheet")), TitleAndFileName);
            Add(await reader.CreateNoteIdAsync("Travel costs", new Field("tags", Word)), TagsOrDescription);
            Add(await reader.UploadDocumentAsync(TestFile.Pdf("Budget-receipts.pdf"), new Field("title", "Receipts")), FileName);
            Add(await reader.UploadDocumentAsync(
                TestFile.Text("log.txt", string.Join(' ', Enumerable.Repeat("expedition budget tally", 50))), new Field("title", "Expedition log")), FileTextOnly);
            for (var i = 1; i <= 14; i++)
            {
                if (i % 4 == 0)
                {
                    app.Clock.Advance(TimeSpan.FromSeconds(1));
                    moment++;
                }

                Add(await reader.CreateNoteIdAsync($"Minutes {i}", new Field("description", $"item {i} of the {Word}")), TagsOrDescription);
            }

            app.Clock.Advance(TimeSpan.FromSeconds(1));
            moment++;
            Add(await reader.CreateNoteIdAsync("Holiday costs", new Field("description", "within budget")), TagsOrDescription);
            Add(await reader.CreateNoteIdAsync("Budget", new Field("tags", Word)), TitleAndTagsOrDescription);
            await app.WaitForJobsAsync(); // the file's text becomes searchable
            return library;
        }

        /// <summary>Most relevant first; among equals the newest, and among documents of the same moment the highest id.</summary>
        public List<int> ExpectedOrder() =>
            [.. _matches.OrderByDescending(m => m.Relevance).ThenByDescending(m => m.Moment).ThenByDescending(m => m.Id).Select(m => m.Id)];

        public void Dispose() => Reader.Dispose();
    }
}
