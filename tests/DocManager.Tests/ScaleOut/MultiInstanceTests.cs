using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// Three app processes behind a real nginx (round-robin, no stickiness) sharing PostgreSQL, Redis and
/// one files folder: a user cannot tell which instance answers, and sign-out reaches all of them.
/// </summary>
public sealed class MultiInstanceTests(Cluster cluster) : IClassFixture<Cluster>
{
    private static readonly string[] Pages = ["/documents", "/documents?owner=shared&sort=title", "/documents/new", "/upload", "/search?q=report", "/profile", "/settings", "/notifications"];

    [Fact]
    public async Task Balancer_SpreadsRequests_OverEveryInstance()
    {
        using var browser = cluster.Browser();
        var answered = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answered.Add(await browser.GetPageFromAsync("/healthz"));
        }

        Assert.Equal(["a", "b", "c"], answered.Distinct().Order());
    }

    [Fact]
    public async Task SignedInUser_UsesEveryPageAndFeature_WhicheverInstanceAnswers()
    {
        using var owner = cluster.Browser();
        await owner.RegisterNewUserAsync();
        var answered = new HashSet<string>();
        foreach (var page in Pages)
        {
            answered.Add(await owner.GetPageFromAsync(page));
        }

        // An upload form rendered by one instance is posted to the next (anti-forgery keys are shared);
        // the file, written to the shared folder by whichever instance took it, downloads from every one.
        var file = TestFile.Text("kestrel-notes.txt", "Minutes of the meeting about the albatross migration.\n");
        var id = await owner.UploadDocumentAsync(file, new KeyValuePair<string, string>("title", "Quarterly report"));
        answered.Add(await owner.GetPageFromAsync($"/documents/{id}"));
        answered.Add(await owner.GetPageFromAsync($"/documents/{id}/edit"));
        var downloadedFrom = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            using var download = await owner.GetAsync($"/files/{id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            downloadedFrom.Add(download.Instance());
        }

        // Search by title at once, and by the file's text once some instance's worker has extracted it:
        // then the results show the document under its title.
        Assert.Contains(id, await owner.ListIdsAsync("/search?q=quarterly"));
        IReadOnlyList<int> found = [];
        await Processes.WaitUntilAsync("the file's text to be searchable", TimeSpan.FromSeconds(20),
            async () => (found = await owner.ListIdsAsync("/search?q=albatross")).Contains(id), () => $"/search?q=albatross listed [{string.Join(", ", found)}]");
        var results = await owner.GetPageAsync("/search?q=albatross");
        Assert.Equal("Quarterly report", results.Card(id)?.QuerySelector($"a[href='/documents/{id}']")?.TextContent.Trim());

        // Shared with a second user, who sees and downloads it through the balancer too.
        using var viewer = cluster.Browser();
        await viewer.RegisterNewUserAsync();
        await owner.ShareDocumentAsync(id, viewer);
        Assert.Contains(id, await viewer.ListIdsAsync("/documents?owner=shared"));
        using var viewed = await viewer.GetAsync($"/files/{id}");
        Assert.Equal(file.Content, await viewed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["a", "b", "c"], answered.Order());
        Assert.True(downloadedFrom.Count > 1, "every download came from the same instance");
    }

    [Fact]
    public async Task Notification_RaisedThroughOneInstance_ReachesAStreamHeldByAnother()
    {
        using var reader = cluster.Browser();
        await reader.RegisterNewUserAsync();
        using var sharer = cluster.Browser();
        await sharer.RegisterNewUserAsync();
        // GIVEN the reader's live stream, held open through nginx by one instance
        await using var stream = await EventStreamReader.OpenAsync(reader);
        var streamInstance = stream.Response.Instance();

        // WHEN a share is answered by a different instance (round-robin: at most a few tries)
        var (id, title) = (0, "");
        for (var attempt = 0; attempt < 5 && id == 0; attempt++)
        {
            var noteTitle = $"Shared note {attempt} {Guid.NewGuid():N}";
            var note = await sharer.CreateNoteIdAsync(noteTitle);
            using var shared = await sharer.ShareAsync(note, reader.UserName);
            Assert.Equal(HttpStatusCode.SeeOther, shared.StatusCode);
            if (shared.Instance() != streamInstance)
            {
                (id, title) = (note, noteTitle);
            }
        }

        Assert.NotEqual(0, id);

        // THEN the reader's stream pushes that notification (after any for earlier tries), saying who
        // shared what, and the reader's notifications page lists it unread, whichever instance answers
        JsonElement pushed;
        do
        {
            using var data = JsonDocument.Parse((await stream.NextEventAsync(TimeSpan.FromSeconds(10))).Data!);
            pushed = data.RootElement.Clone();
        }
        while (pushed.Text("link") != $"/documents/{id}");

        Assert.Equal(("shared", false), (pushed.Text("kind"), pushed.GetProperty("read").GetBoolean()));
        Assert.Equal($"{sharer.UserName} shared “{title}” with you", pushed.Text("message"));
        var listed = await reader.GetPageAsync("/notifications");
        Assert.Contains(listed.QuerySelectorAll("li[data-notification-id] a[href]"), link => link.GetAttribute("href") == $"/documents/{id}");
    }

    [Fact]
    public async Task Session_WorksOnEveryInstance_AndSignOutThroughOne_EndsItOnAllAtOnce()
    {
        using var browser = cluster.Browser();
        await browser.RegisterNewUserAsync();
        var cookie = browser.SessionCookie!;
        foreach (var instance in cluster.Instances)
        {
            using var direct = CopiedCookie(instance, cookie);
            Assert.Equal(instance.Name, await direct.GetPageFromAsync("/documents"));
        }

        using var signOut = await browser.SignOutAsync();
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);

        foreach (var instance in cluster.Instances)
        {
            using var direct = CopiedCookie(instance, cookie);
            using var page = await direct.GetAsync("/documents");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            using var api = await direct.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }
    }

    private Browser CopiedCookie(AppProcess instance, string sessionCookie)
    {
        return cluster.Browser(instance.BaseAddress).WithSessionCookie(sessionCookie);
    }
}
