using System.Text.RegularExpressions;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// Files whose previews can really be made, and what a person sees of previews: the viewer on a
/// document's page, the thumbnail on its card, and whether the server has made them yet.
/// </summary>
public static class PreviewVisitorSteps
{
    /// <summary>A real PNG (drawn by Skia, left half red, right half blue) of the given pixel size.</summary>
    public static TestFile RealPng(string name, int width, int height) => new(name, TestImages.Png(width, height), "image/png");

    /// <summary>A PNG whose header claims 100,000 × 100,000 pixels: its preview fails at once, and for good.</summary>
    public static TestFile HugePng(string name) => new(name, TestImages.PngHeaderClaiming(100_000, 100_000), "image/png");

    /// <summary>
    /// The app as a web-only instance (`Instance:Role=web`): an upload's preview is pending until the
    /// test runs the jobs with <see cref="Site.RunDueJobsAsync"/>, so a page can be seen waiting for it.
    /// </summary>
    public static Task<Site> StartWithJobsHeldAsync(Chromium chromium) =>
        Site.StartAsync(chromium, new Dictionary<string, string?> { ["Instance:Role"] = "web" });

    /// <summary>
    /// Uploads one file through the /upload form and answers the new document's id (from the page it
    /// lands on). For a visitor without scripts, or on a site whose jobs wait for the test: otherwise
    /// the page it lands on, waiting for the preview, reloads itself when the preview is made, which
    /// can cut short the test's next move (<see cref="Seeding.UploadThroughApiAsync"/> leaves the visitor where they are).
    /// </summary>
    public static async Task<int> UploadOneAsync(this Visitor visitor, TestFile file, string title)
    {
        await visitor.UploadAsync([file], title: title);
        await visitor.WaitForPathAsync(new Regex(@"^/documents/\d+$"));
        return Seeding.DocumentIdFromPath(visitor.CurrentPath);
    }

    /// <summary>
    /// Waits until the server has made the document's preview, asking the JSON API in this person's
    /// session (it works with scripts off too); answers its page count. A preview that failed, or is
    /// still pending after a minute (two busy cores render PDFs slowly), fails the test saying so.
    /// </summary>
    public static async Task<int> WaitForPreviewAsync(this Visitor visitor, int id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "never asked";
        while (DateTime.UtcNow < deadline)
        {
            var response = await visitor.Context.APIRequest.GetAsync($"/api/documents/{id}", new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
            Assert.Equal(200, response.Status);
            var preview = (await response.JsonAsync())!.Value.GetProperty("preview");
            last = preview.ToString();
            switch (preview.GetProperty("status").GetString())
            {
                case "ready":
                    return preview.GetProperty("pages").GetInt32();
                case "failed" or "none":
                    Assert.Fail($"The preview of document {id} was not made: {last}");
                    break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The preview of document {id} was not ready within a minute: {last}");
        return 0;
    }

    /// <summary>
    /// Waits until none of this person's documents has its preview or text still pending (LibreOffice,
    /// pdftoppm and tesseract on two busy cores can take a while); answers how many documents there are.
    /// </summary>
    public static async Task<int> WaitForAllBackgroundWorkAsync(this Visitor visitor)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var pending = -1;
        while (DateTime.UtcNow < deadline)
        {
            var response = await visitor.Context.APIRequest.GetAsync("/api/documents?limit=100", new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
            Assert.Equal(200, response.Status);
            var items = (await response.JsonAsync())!.Value.GetProperty("items").EnumerateArray().ToList();
            pending = items.Count(d => d.GetProperty("preview").GetProperty("status").GetString() == "pending" ||
                d.GetProperty("text").GetProperty("status").GetString() == "pending");
            if (pending == 0)
            {
                return items.Count;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{pending} documents still had previews or text pending after 3 minutes");
        return 0;
    }

    /// <summary>The viewer on a document's page: the region named after the document.</summary>
    public static ILocator Viewer(this Visitor visitor, string title) =>
        visitor.Page.GetByRole(AriaRole.Region, new() { Name = $"Preview of “{title}”", Exact = true });

    /// <summary>The page image the viewer shows, found by what it says it is ("Page 2 of 3 of “title”").</summary>
    public static ILocator ViewerPage(this Visitor visitor, string title, int page, int count) =>
        visitor.Viewer(title).GetByRole(AriaRole.Img, new() { Name = $"Page {page} of {count} of “{title}”", Exact = true });

    /// <summary>The card of a document on a list page.</summary>
    public static ILocator Card(this Visitor visitor, string title) =>
        visitor.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = visitor.Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    /// <summary>
    /// Waits until an image has loaded: an image not fetched yet, or that the browser could not fetch
    /// or decode, has a natural width of 0. A lazy image is first brought into view, where it loads.
    /// </summary>
    public static async Task ExpectLoadedAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
    }

    /// <summary>
    /// axe-core finds nothing at all on the page now shown, in the light and the dark theme (chosen
    /// with the preferences cookie, then reloaded). <paramref name="ready"/> waits for what must be on
    /// screen before axe looks (loaded images, say). The context must bypass the CSP (see <see cref="Axe"/>).
    /// </summary>
    public static async Task ExpectNoAxeViolationAsync(this Visitor visitor, Site site, Func<Task> ready)
    {
        var problems = new List<string>();
        foreach (var theme in new[] { "light", "dark" })
        {
            await visitor.Context.AddCookiesAsync([new Cookie { Name = "prefs", Value = $"theme={theme}", Url = site.BaseAddress.ToString() }]);
            await visitor.Page.ReloadAsync();
            await Expect(visitor.Page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
            await ready();
            problems.AddRange((await Axe.RunAsync(visitor.Page)).Select(violation => $"{theme} theme: {violation}"));
        }

        Assert.True(problems.Count == 0, $"axe-core on {visitor.CurrentPath}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
