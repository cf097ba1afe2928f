using System.Globalization;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>Another user's documents are never found or suggested, whatever is typed — the index's own reader tokens included.</summary>
public sealed class SearchVisibilityTests
{
    [Theory]
    [OnEachDatabase]
    public async Task AnotherUsersDocuments_AreNeverFoundOrSuggested(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var secret = await owner.UploadDocumentAsync(TestFile.Text("salary.txt", "Confidential salary of the mongoose team.\n"),
            new("title", "Secret payroll"), new("description", "Private budget"), new("tags", "hidden"));
        await owner.CreateNoteIdAsync("Secret plans", KeyValuePair.Create("description", "The payroll, again"));
        var strangersOwn = await stranger.CreateNoteIdAsync("My own payroll");
        await app.WaitForJobsAsync();
        var ownerId = (await app.UserIdAsync(owner)).ToString(CultureInfo.InvariantCulture);

        string[] queries =
        [
            "secret", "sec", "payroll", "mongoose", "confidential salary", "\"secret payroll\"", "hidden", "salary.txt", "txt", "private",
            owner.UserName, "u" + ownerId, "\"u" + ownerId + "\"", "u" + ownerId + "*", "readers", "readers:u" + ownerId, "{readers}:u" + ownerId,
            "{readers} : u" + ownerId, "readers u" + ownerId, ownerId, "secret OR u" + ownerId, "NOT zzz", "*", "s*", "\"", "",
        ];
        foreach (var query in queries)
        {
            var found = await stranger.SearchIdsAsync(query);
            Assert.True(found.All(id => id == strangersOwn), $"/search?q={query} showed another user's document: [{string.Join(", ", found)}]");
            var listed = await stranger.ListMatchIdsAsync(query);
            Assert.True(listed.All(id => id == strangersOwn), $"/documents?q={query} showed another user's document: [{string.Join(", ", listed)}]");
            var suggested = await stranger.SuggestIdsAsync(query);
            Assert.True(suggested.All(id => id == strangersOwn), $"/api/suggest?q={query} suggested another user's document: [{string.Join(", ", suggested)}]");
        }

        // The stranger's own matching document is found, so the searches above did run.
        await stranger.AssertFindsAsync("payroll", strangersOwn);
        await owner.AssertFindsAsync("mongoose", secret);
    }

    [Theory]
    [OnEachDatabase]
    public async Task TheReaderTokenOfUserOne_FindsNothingForAnotherUser(Backend backend)
    {
        // GIVEN user 1 (the first account of a fresh deployment) owns a document; on SQLite its
        // readers are indexed as the token "u1" beside the text.
        await using var app = await TestApp.StartAsync(backend);
        using var first = await app.NewUserAsync();
        Assert.Equal(1, await app.UserIdAsync(first));
        var own = await first.CreateNoteIdAsync("Harbour accounts");
        using var second = await app.NewUserAsync();

        foreach (var query in new[] { "u1", "U1", "\"u1\"", "u1*", "{readers}:u1", "readers:u1", "u" })
        {
            await second.AssertFindsAsync(query);
            Assert.Empty(await second.SuggestAsync(query));
        }

        await first.AssertFindsAsync("u1");
        await first.AssertFindsAsync("harbour", own);
    }
}
