using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static DocManager.BrowserTests.Infrastructure.PreviewVisitorSteps;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Previews;

/// <summary>
/// SPEC §8, thumbnails on the cards of the list: lazy, with alt text and a fixed size; a note shows
/// its kind instead; and a thumbnail made while the list is open takes its placeholder's place live
/// (or, when it could not be made, the type's icon does).
/// </summary>
public sealed class ThumbnailTests(Chromium chromium)
{
    private static readonly string[] WithThumbnails = ["March minutes", "Site plan"];

    private const string Note = "Call the plumber";

    private const string Survey = "North field survey";

    [Fact]
    public async Task TheList_ShowsThumbnails_LazyWithAltTextAndFixedSize_AndANoteShowsItsKind()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await AddLibraryAsync(alice);

        await alice.OpenAsync("/documents");

        foreach (var title in WithThumbnails)
        {
            var thumbnail = alice.Card(title).GetByRole(AriaRole.Img, new() { Name = $"Thumbnail of “{title}”", Exact = true });
            await ExpectLoadedAsync(thumbnail);
            await Expect(thumbnail).ToHaveAttributeAsync("loading", "lazy");
            await ExpectThumbnailAsync(thumbnail);
        }

        // The note has no file: its card says what it is where a thumbnail would be.
        var note = alice.Card(Note);
        await Expect(note.GetByRole(AriaRole.Img)).ToHaveAccessibleNameAsync("Note file without a preview");
        await Expect(note.GetByRole(AriaRole.Img)).ToHaveTextAsync("Note");
        await Expect(note.Locator("img")).ToHaveCountAsync(0);

        // Every card's picture box is the same size, whatever it holds.
        var boxes = await alice.Page.Locator(".doc-thumb").EvaluateAllAsync<double[][]>(
            "boxes => boxes.map(box => { const r = box.getBoundingClientRect(); return [r.width, r.height]; })");
        Assert.Equal(3, boxes.Length);
        Assert.All(boxes, box => Assert.Equal(boxes[0], box));
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task AThumbnailMadeWhileTheListIsOpen_ReplacesItsPlaceholder_WithoutAReload()
    {
        await using var site = await StartWithJobsHeldAsync(chromium);
        var alice = await OpenListWaitingForAsync(site, MultiPagePdf.Create("survey.pdf", "Survey of the north field"));
        await Expect(alice.Card(Survey).GetByRole(AriaRole.Img)).ToHaveTextAsync("PDF");

        Assert.True(await site.RunDueJobsAsync() > 0, "no background job was waiting");

        var thumbnail = alice.Card(Survey).GetByRole(AriaRole.Img, new() { Name = $"Thumbnail of “{Survey}”", Exact = true });
        await ExpectLoadedAsync(thumbnail);
        await ExpectThumbnailAsync(thumbnail);
        await Expect(alice.Card(Survey).Locator("[data-preview-pending]")).ToHaveCountAsync(0);
        await ExpectSamePageAsync(alice);

        // A reload shows the same thumbnail, now from the server's page.
        await alice.Page.ReloadAsync();
        await ExpectLoadedAsync(thumbnail);
        await Expect(thumbnail).ToHaveAttributeAsync("loading", "lazy");
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task APreviewThatFailsWhileTheListIsOpen_TurnsItsPlaceholderIntoTheTypeIcon_WithoutAReload()
    {
        await using var site = await StartWithJobsHeldAsync(chromium);
        var alice = await OpenListWaitingForAsync(site, HugePng("survey.png"));

        Assert.True(await site.RunDueJobsAsync() > 0, "no background job was waiting");

        var card = alice.Card(Survey);
        await Expect(card.GetByRole(AriaRole.Img)).ToHaveAccessibleNameAsync("PNG file without a preview");
        await Expect(card.GetByRole(AriaRole.Img)).ToHaveTextAsync("PNG");
        await Expect(card.Locator("[data-preview-pending]")).ToHaveCountAsync(0);
        await ExpectSamePageAsync(alice);
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task TheListWithThumbnails_HasNoAxeViolation()
    {
        await using var site = await Site.StartAsync(chromium);
        // axe-core is injected as a script of the test's own, which the app's CSP rightly refuses.
        var alice = await site.NewUserAsync(bypassCsp: true);
        await AddLibraryAsync(alice);
        await alice.OpenAsync("/documents");

        await alice.ExpectNoAxeViolationAsync(site, async () =>
        {
            foreach (var title in WithThumbnails)
            {
                await ExpectLoadedAsync(alice.Card(title).GetByRole(AriaRole.Img));
            }
        });
    }

    [Fact]
    public async Task TheListWithAPlaceholder_HasNoAxeViolation()
    {
        await using var site = await StartWithJobsHeldAsync(chromium);
        var alice = await OpenListWaitingForAsync(site, MultiPagePdf.Create("survey.pdf", "Survey of the north field"), bypassCsp: true);

        await alice.ExpectNoAxeViolationAsync(site, () =>
            Expect(alice.Card(Survey).GetByRole(AriaRole.Img)).ToHaveAccessibleNameAsync($"Preview of “{Survey}” being made"));
    }

    /// <summary>A PDF and a picture, their previews made, and a note.</summary>
    private static async Task AddLibraryAsync(Visitor visitor)
    {
        var pdf = await visitor.UploadThroughApiAsync(MultiPagePdf.Create("minutes.pdf", "Minutes of the March meeting"), WithThumbnails[0]);
        var png = await visitor.UploadThroughApiAsync(RealPng("site-plan.png", 640, 480), WithThumbnails[1]);
        await visitor.AddNoteAsync(Note, "Before Friday.");
        await visitor.WaitForPreviewAsync(pdf);
        await visitor.WaitForPreviewAsync(png);
    }

    /// <summary>
    /// On a site whose jobs are held, someone uploads <paramref name="file"/> as <see cref="Survey"/> and
    /// opens the list, live, where its card shows a placeholder; the page is marked, to tell a reload.
    /// </summary>
    private static async Task<Visitor> OpenListWaitingForAsync(Site site, TestFile file, bool bypassCsp = false)
    {
        var visitor = await site.NewUserAsync(bypassCsp: bypassCsp);
        await visitor.UploadOneAsync(file, Survey);
        await visitor.OpenWithLiveNotificationsAsync("/documents");
        await Expect(visitor.Card(Survey).GetByRole(AriaRole.Img, new() { Name = $"Preview of “{Survey}” being made", Exact = true })).ToBeVisibleAsync();
        await visitor.Page.EvaluateAsync("() => { window.sameListPage = true; }");
        return visitor;
    }

    private static async Task ExpectSamePageAsync(Visitor visitor) =>
        Assert.True(await visitor.Page.EvaluateAsync<bool>("() => window.sameListPage === true"), "the list was reloaded");

    /// <summary>A thumbnail's address (versioned) and its fixed size, so the card never jumps.</summary>
    private static async Task ExpectThumbnailAsync(ILocator thumbnail)
    {
        await Expect(thumbnail).ToHaveAttributeAsync("src", new Regex(@"^/documents/\d+/thumbnail\?v=\w+$"));
        await Expect(thumbnail).ToHaveAttributeAsync("width", "96");
        await Expect(thumbnail).ToHaveAttributeAsync("height", "124");
    }
}
