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

        // Search by title at once, and by the file's text once some instance's worker has extracted it.
        Assert.Contains(id, await owner.ListIdsAsync("/search?q=quarterly"));
        await Eventually(async () => (await owner.ListIdsAsync("/search?q=albatross")).Contains(id), "the file's text to be searchable");

        // Shared with a second user, who sees and downloads it through the balancer too.
        using var viewer = cluster.Browser();
        var viewerName = await viewer.RegisterNewUserAsync();
        await owner.ShareDocumentAsync(id, viewerName);
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
        var readerName = await reader.RegisterNewUserAsync();
        using var sharer = cluster.Browser();
        await sharer.RegisterNewUserAsync();
        // GIVEN the reader's live stream, held open through nginx by one instance
        await using var stream = await EventStreamReader.OpenAsync(reader);
        var streamInstance = stream.Response.Instance();

        // WHEN a share is answered by a different instance (round-robin: at most a few tries)
        var id = 0;
        for (var attempt = 0; attempt < 5 && id == 0; attempt++)
        {
            var note = await sharer.CreateNoteIdAsync($"Shared note {attempt} {Guid.NewGuid():N}");
            using var shared = await sharer.ShareAsync(note, readerName);
            Assert.Equal(HttpStatusCode.SeeOther, shared.StatusCode);
            if (shared.Instance() != streamInstance)
            {
                id = note;
            }
        }

        Assert.NotEqual(0, id);

        // THEN the reader's stream pushes that notification (after any for earlier tries)
        var links = new List<string>();
        while (!links.Contains($"/documents/{id}"))
        {
            var pushed = await stream.NextEventAsync(TimeSpan.FromSeconds(10));
            using var data = JsonDocument.Parse(pushed.Data!);
            links.Add(data.RootElement.GetProperty("link").GetString()!);
        }
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
        var browser = cluster.Browser(instance.BaseAddress);
        browser.Cookies.Add(instance.BaseAddress, new Cookie(DocManager.Sessions.SessionsSetup.CookieName, sessionCookie));
        return browser;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
