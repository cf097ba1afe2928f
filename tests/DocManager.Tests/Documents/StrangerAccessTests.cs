using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>
/// SPEC §3 and §7: to anyone the document is not shared with, every route of a document answers 404
/// (never 403), with the very page a never-existing id gets, and changes nothing.
/// </summary>
public sealed class StrangerAccessTests
{
    private const int NeverExisted = 987_654;
    private const string OwnerName = "owner_of_the_document";

    /// <summary>Every document route: method and path, with {id} the document and {user} a viewer of it.</summary>
    private static readonly (string Method, string Route)[] AllRoutes =
    [
        ("GET", "/documents/{id}"),
        ("GET", "/documents/{id}/edit"),
        ("POST", "/documents/{id}/edit"),
        ("GET", "/documents/{id}/delete"),
        ("POST", "/documents/{id}/delete"),
        ("GET", "/files/{id}"),
        ("POST", "/documents/{id}/shares"),
        ("POST", "/documents/{id}/shares/{user}/delete"),
    ];

    public static TheoryData<string, string> Routes
    {
        get
        {
            var routes = new TheoryData<string, string>();
            foreach (var (method, route) in AllRoutes)
            {
                routes.Add(method, route);
            }

            return routes;
        }
    }

    [Theory]
    [OnEachDatabase]
    public async Task Stranger_GetsNotFoundOnEveryRoute_AndChangesNothing(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        var (id, viewerId, file) = await SharedDocumentAsync(app);
        using var stranger = await app.NewUserAsync();
        var before = Assert.Single(await app.DocumentsAsync());
        var storedBefore = app.StoredFiles();

        foreach (var (method, route) in AllRoutes)
        {
            using var response = await SendAsync(stranger, method, Path(route, id, viewerId), stranger.UserName);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {route} answered {(int)response.StatusCode} to a stranger");
        }

        var after = Assert.Single(await app.DocumentsAsync());
        Assert.Equal((before.Id, before.Title, before.Description, before.OwnerId, before.Sha256), (after.Id, after.Title, after.Description, after.OwnerId, after.Sha256));
        Assert.Equal(storedBefore, app.StoredFiles());
        Assert.Equal(viewerId, Assert.Single(await app.SharesAsync(id)).UserId);
        Assert.Equal(file.Content.LongLength, (await app.UsageAsync(OwnerName)).StorageUsed);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Stranger_GetsTheSamePageAsForANeverExistingId(string method, string route)
    {
        await using var app = await TestApp.StartAsync();
        var (id, viewerId, _) = await SharedDocumentAsync(app);
        using var stranger = await app.NewUserAsync();

        using var hidden = await SendAsync(stranger, method, Path(route, id, viewerId), stranger.UserName);
        using var missing = await SendAsync(stranger, method, Path(route, NeverExisted, viewerId), stranger.UserName);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        Assert.Equal(missing.Content.Headers.ContentType?.ToString(), hidden.Content.Headers.ContentType?.ToString());
        var hiddenPage = await hidden.ReadHtmlAsync();
        var missingPage = await missing.ReadHtmlAsync();
        Assert.Equal("Page not found", hiddenPage.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal(missingPage.Title, hiddenPage.Title);
        Assert.Equal(MainContent(missingPage, NeverExisted), MainContent(hiddenPage, id));
    }

    /// <summary>An uploaded document of <see cref="OwnerName"/>, shared with one viewer.</summary>
    private static async Task<(int Id, int ViewerId, TestFile File)> SharedDocumentAsync(TestApp app)
    {
        using var viewer = await app.NewUserAsync();
        using var owner = app.CreateBrowser();
        using (var registered = await owner.RegisterAsync(OwnerName))
        {
            Assert.Equal(HttpStatusCode.SeeOther, registered.StatusCode);
        }

        var file = TestFile.Pdf("secret plans.pdf");
        var id = await owner.UploadDocumentAsync(file, new KeyValuePair<string, string>("description", "Only for the owner and the viewer"));
        await owner.ShareDocumentAsync(id, viewer);

        return (id, await app.UserIdAsync(viewer), file);
    }

    private static string Path(string route, int id, int userId) =>
        route.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{user}", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A plain GET, or a POST with a valid token and the fields a real form there would send.</summary>
    private static Task<HttpResponseMessage> SendAsync(Browser browser, string method, string path, string userName) => method switch
    {
        "GET" => browser.GetAsync(path),
        _ when path.EndsWith("/edit", StringComparison.Ordinal) => browser.PostWithTokenAsync(path, KeyValuePair.Create("title", "Taken over"), KeyValuePair.Create("description", "changed")),
        _ when path.EndsWith("/shares", StringComparison.Ordinal) => browser.PostWithTokenAsync(path, KeyValuePair.Create("username", userName)),
        _ => browser.PostWithTokenAsync(path),
    };

    /// <summary>
    /// The page's main content with the document id in any path blanked out and the per-request
    /// reference (a trace id, different on every request) left out.
    /// </summary>
    private static string MainContent(IHtmlDocument page, int id)
    {
        var main = page.QuerySelector("main")!;
        foreach (var reference in main.QuerySelectorAll("p").Where(p => p.TextContent.Trim().StartsWith("Reference:", StringComparison.Ordinal)).ToList())
        {
            reference.Remove();
        }

        return main.OuterHtml.Replace("/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), "/{id}", StringComparison.Ordinal);
    }
}
