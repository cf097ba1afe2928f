using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Search;

/// <summary>Sharing makes a document findable (and suggested) for its viewer; taking the share back hides it from their searches again.</summary>
public sealed class IndexFollowsSharingTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Share_MakesTheDocumentFindableByTheViewer_AndUnshareHidesItAgain(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("ledger.txt", "Payments to the numbat sanctuary.\n"),
            new("title", "Platypus ledger"), new("description", "Echidna accounts"), new("tags", "wombat"));
        await app.WaitForJobsAsync();
        await AssertViewerFindsAsync(viewer, []);

        await owner.ShareDocumentAsync(id, viewer);

        await AssertViewerFindsAsync(viewer, [id]);
        Assert.Equal([(id, "Platypus ledger")], await viewer.SuggestAsync("platy"));

        await owner.UnshareDocumentAsync(id, await app.UserIdAsync(viewer));

        await AssertViewerFindsAsync(viewer, []);
        Assert.Empty(await viewer.SuggestAsync("platy"));
        await owner.AssertFindsAsync("numbat", id);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Unshare_FromOneViewer_KeepsItFindableForTheOthers(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var leaving = await app.NewUserAsync();
        using var staying = await app.NewUserAsync();
        var id = await owner.ShareNewNoteAsync("Capybara roster", leaving, staying);

        await owner.UnshareDocumentAsync(id, await app.UserIdAsync(leaving));

        await leaving.AssertFindsAsync("capybara");
        await staying.AssertFindsAsync("capybara", id);
        Assert.Equal([id], await staying.SuggestIdsAsync("capy"));
    }

    /// <summary>Every word of the shared document, as the viewer would search for it.</summary>
    private static async Task AssertViewerFindsAsync(Browser viewer, int[] expected)
    {
        foreach (var query in new[] { "platypus", "echidna", "wombat", "numbat", "ledger" })
        {
            await viewer.AssertFindsAsync(query, expected);
        }
    }
}
