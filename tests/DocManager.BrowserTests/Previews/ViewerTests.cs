using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static DocManager.BrowserTests.Infrastructure.PreviewVisitorSteps;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Previews;

/// <summary>
/// SPEC §8, the viewer on a document's page, in a real browser: a PDF's pages as images that page
/// with plain links and a form without scripts, and in place with the keyboard with them; a picture
/// shown whole on a phone's screen; a text file as text, its markup never run.
/// </summary>
public sealed class ViewerTests(Chromium chromium)
{
    private const string Title = "Three pages";

    /// <summary>A real three-page PDF whose pages say which they are.</summary>
    private static TestFile ThreePages() => MultiPagePdf.Create("three-pages.pdf", "The first page", "The second page", "The third page");

    [Fact]
    public async Task WithoutScripts_ThePagesTurnWithLinksAndThePageForm()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync(javaScript: false);
        var id = await alice.UploadOneAsync(ThreePages(), Title);
        Assert.Equal(3, await alice.WaitForPreviewAsync(id));

        // Page 1: its image (rendered 1,600 px wide), and no way back from the first page.
        await alice.OpenAsync($"/documents/{id}");
        await ExpectPageShownAsync(alice, id, 1);
        var previous = alice.Viewer(Title).GetByText("← Previous", new() { Exact = true });
        await Expect(previous).ToHaveAttributeAsync("aria-disabled", "true");
        Assert.Null(await previous.GetAttributeAsync("href"));
        await Expect(alice.Viewer(Title).GetByText("of 3", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(alice.Viewer(Title).GetByRole(AriaRole.Status)).ToHaveCountAsync(0); // what the script would add: scripts are off

        // "Next →" is a plain link to ?page=2, which shows page 2's image.
        await alice.Viewer(Title).GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await WaitForPageAddressAsync(alice, id, 2);
        await ExpectPageShownAsync(alice, id, 2);
        await Expect(alice.Viewer(Title).GetByRole(AriaRole.Link, new() { Name = "← Previous" })).ToHaveAttributeAsync("href", $"/documents/{id}?page=1");

        // The page form: type 3, press Go.
        var field = alice.Viewer(Title).GetByRole(AriaRole.Spinbutton, new() { Name = "Page" });
        await Expect(field).ToHaveValueAsync("2");
        await field.FillAsync("3");
        await alice.Viewer(Title).GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await WaitForPageAddressAsync(alice, id, 3);
        await ExpectPageShownAsync(alice, id, 3);
        var next = alice.Viewer(Title).GetByText("Next →", new() { Exact = true });
        await Expect(next).ToHaveAttributeAsync("aria-disabled", "true");
        Assert.Null(await next.GetAttributeAsync("href"));

        Assert.Empty(alice.Dialogs);
    }

    [Fact]
    public async Task WithScripts_TheKeysAndThePageFieldTurnPagesInPlace()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.UploadThroughApiAsync(ThreePages(), Title);
        Assert.Equal(3, await alice.WaitForPreviewAsync(id));
        var page = alice.Page;
        await alice.OpenAsync($"/documents/{id}");
        await ExpectPageShownAsync(alice, id, 1);

        // Every turn below happens in this page: a marker on it survives them all.
        await page.EvaluateAsync("() => { window.sameViewerPage = true; }");
        var loads = 0;
        page.DOMContentLoaded += (_, _) => loads++;

        // The last page stays the last (the arrow after End), and what follows shows it did not wrap round.
        foreach (var (key, turnedTo) in new[] { ("ArrowRight", 2), ("ArrowLeft", 1), ("End", 3), ("ArrowRight", 3), ("PageUp", 2), ("Home", 1), ("PageDown", 2) })
        {
            await page.Keyboard.PressAsync(key);
            await ExpectTurnedToAsync(alice, id, turnedTo);
        }

        // The links turn pages in place too, and are disabled at the ends.
        await alice.Viewer(Title).GetByRole(AriaRole.Link, new() { Name = "← Previous" }).ClickAsync();
        await ExpectTurnedToAsync(alice, id, 1);
        await Expect(alice.Viewer(Title).GetByText("← Previous", new() { Exact = true })).ToHaveAttributeAsync("aria-disabled", "true");

        // Typing a number into the page field and pressing Enter goes there.
        var field = alice.Viewer(Title).GetByRole(AriaRole.Spinbutton, new() { Name = "Page" });
        await field.FillAsync("3");
        await field.PressAsync("Enter");
        await ExpectTurnedToAsync(alice, id, 3);
        await Expect(field).ToBeFocusedAsync();

        // Keys pressed inside the field edit the field; they do not turn pages.
        await field.FillAsync("2");
        foreach (var key in new[] { "ArrowLeft", "Home", "End", "ArrowRight" })
        {
            await field.PressAsync(key);
        }

        await Expect(field).ToHaveValueAsync("2");
        await field.PressAsync("Enter"); // and what Enter then does shows the keys before it did nothing
        await ExpectTurnedToAsync(alice, id, 2);

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameViewerPage === true"), "the page was reloaded");
        Assert.Equal(0, loads);

        // The address followed every turn: a reload shows the page last turned to.
        await page.ReloadAsync();
        await ExpectPageShownAsync(alice, id, 2);
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task AViewerWaitingForThePreview_ShowsThePagesOnceTheyAreMade()
    {
        await using var site = await StartWithJobsHeldAsync(chromium);
        var (alice, id) = await OpenViewerWaitingForAsync(site, ThreePages(), Title);

        Assert.True(await site.RunDueJobsAsync() > 0, "no background job was waiting");

        await ExpectPageShownAsync(alice, id, 1);
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task AViewerWaitingForAPreviewThatFails_SaysWhy()
    {
        await using var site = await StartWithJobsHeldAsync(chromium);
        var (alice, _) = await OpenViewerWaitingForAsync(site, HugePng("huge.png"), "Huge picture");

        Assert.True(await site.RunDueJobsAsync() > 0, "no background job was waiting");

        await Expect(alice.Viewer("Huge picture")).ToContainTextAsync("No preview could be made of this file");
        await Expect(alice.Viewer("Huge picture")).ToContainTextAsync("100000 × 100000 pixels");
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task APicture_IsShownWhole_OnANarrowScreen()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.UploadThroughApiAsync(RealPng("harbour.png", 1200, 800), "Harbour");
        await alice.WaitForPreviewAsync(id);
        await alice.Page.SetViewportSizeAsync(375, 740);
        await alice.OpenAsync($"/documents/{id}");

        var picture = alice.Viewer("Harbour").GetByRole(AriaRole.Img, new() { Name = "“Harbour”, the picture", Exact = true });
        await ExpectLoadedAsync(picture);
        var shown = await picture.EvaluateAsync<double[]>("""
            image => {
              const box = image.getBoundingClientRect();
              return [box.left, box.right, box.width, box.height, image.naturalWidth, image.naturalHeight, document.documentElement.clientWidth];
            }
            """);
        var (left, right, width, height, naturalWidth, naturalHeight, viewportWidth) = (shown[0], shown[1], shown[2], shown[3], shown[4], shown[5], shown[6]);

        // It fits the screen's width, scaled down whole: neither cropped nor stretched.
        Assert.True(naturalWidth > viewportWidth, $"the test picture ({naturalWidth} px) should be wider than the screen ({viewportWidth} px)");
        Assert.True(left >= 0 && right <= viewportWidth, $"the picture spans {left}–{right} px of a {viewportWidth} px wide screen");
        Assert.True(width > 0.5 * viewportWidth, $"the picture is only {width} px wide on a {viewportWidth} px screen");
        Assert.Equal(naturalWidth / naturalHeight, width / height, 1);
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task ATextFile_IsShownAsText_ItsMarkupNeverRun()
    {
        const string Text = "Before <script>window.pwned=1</script> after\n<img src=x onerror=\"window.pwned=2\">\n";
        await using var site = await Site.StartAsync(chromium);
        // The CSP (scripts only from the site) would stop an injected script even if the escaping
        // failed; it is bypassed here so that the test sees what the escaping alone does.
        var mallory = await site.NewUserAsync(bypassCsp: true);
        var id = await mallory.UploadThroughApiAsync(TestFile.Text("payload.txt", Text), "Payload");
        await mallory.OpenAsync($"/documents/{id}");

        var viewer = mallory.Viewer("Payload");
        await Expect(viewer.GetByText("Before <script>window.pwned=1</script> after")).ToBeVisibleAsync();
        Assert.Equal(Text, await viewer.Locator("pre").TextContentAsync());
        await Expect(viewer.Locator("script, img")).ToHaveCountAsync(0);
        Assert.True(await mallory.Page.EvaluateAsync<bool>("() => typeof window.pwned === 'undefined'"), "the file's script ran");
        Assert.Empty(mallory.Dialogs);
    }

    [Fact]
    public async Task TheViewer_HasNoAxeViolation()
    {
        await using var site = await Site.StartAsync(chromium);
        // axe-core is injected as a script of the test's own, which the app's CSP rightly refuses.
        var alice = await site.NewUserAsync(bypassCsp: true);
        var id = await alice.UploadThroughApiAsync(ThreePages(), Title);
        await alice.WaitForPreviewAsync(id);
        await alice.OpenAsync($"/documents/{id}?page=2");

        await alice.ExpectNoAxeViolationAsync(site, () => ExpectPageShownAsync(alice, id, 2));
    }

    /// <summary>On a site whose jobs are held, someone uploads a file and opens its page, live, where the viewer says it is waiting.</summary>
    private static async Task<(Visitor Visitor, int Id)> OpenViewerWaitingForAsync(Site site, TestFile file, string title)
    {
        var visitor = await site.NewUserAsync();
        var id = await visitor.UploadOneAsync(file, title);
        await visitor.OpenWithLiveNotificationsAsync($"/documents/{id}");
        await Expect(visitor.Viewer(title).GetByRole(AriaRole.Status)).ToContainTextAsync("Making the preview");
        return (visitor, id);
    }

    /// <summary>The viewer shows page <paramref name="number"/> of 3: its image, loaded, 1,600 px wide; the page field says which.</summary>
    private static async Task ExpectPageShownAsync(Visitor visitor, int id, int number)
    {
        var image = visitor.ViewerPage(Title, number, 3);
        await Expect(image).ToHaveAttributeAsync("src", new Regex($@"^/documents/{id}/pages/{number}\?v=\w+$"));
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1600);
        await Expect(visitor.Viewer(Title).GetByRole(AriaRole.Spinbutton, new() { Name = "Page" })).ToHaveValueAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A turn in place: the page shown, the address (?page=n, for reload and sharing) and what is said to screen readers.</summary>
    private static async Task ExpectTurnedToAsync(Visitor visitor, int id, int number)
    {
        await ExpectPageShownAsync(visitor, id, number);
        await Expect(visitor.Page).ToHaveURLAsync(new Regex($@"/documents/{id}\?page={number}$"));
        await Expect(visitor.Viewer(Title).GetByRole(AriaRole.Status)).ToHaveTextAsync($"Page {number} of 3");
    }

    private static async Task WaitForPageAddressAsync(Visitor visitor, int id, int number)
    {
        try
        {
            await visitor.Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == $"/documents/{id}?page={number}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Expected /documents/{id}?page={number}, but the browser shows {await visitor.DescribePageAsync()}");
        }
    }
}
