using DocManager.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Security;

/// <summary>
/// SPEC §5 "every value from users is HTML-escaped", seen from a real browser: markup typed into a
/// document's title and description is shown as text wherever the document appears, and never runs.
/// </summary>
public sealed class ScriptInjectionTests(Chromium chromium)
{
    private const string Title = "<img src=x onerror=alert(1)>";
    private const string Description = "<script>alert(1)</script>";

    [Fact]
    public async Task MarkupInTitleAndDescription_StaysInertText_OnEveryPageThatShowsIt()
    {
        await using var site = await Site.StartAsync(chromium);
        // The CSP (no inline script) would stop an injected handler even if the escaping failed; it is
        // bypassed here so that the test sees what the escaping alone does.
        var mallory = await site.NewUserAsync(javaScript: true, bypassCsp: true);
        await mallory.CreateNoteAsync(Title, Description, tags: "alert");
        var details = mallory.CurrentPath;
        var page = mallory.Page;

        // The list, the details page and the search results show the title, and the description or the
        // search snippet (the whole description, or the whole title when only the title matched), as text.
        foreach (var (path, descriptionShown) in new[]
        {
            ("/documents", Description),
            (details, Description),
            ("/documents?tag=alert", Description),
            ("/search?q=alert", Description),
            ("/search?q=onerror", Title),
        })
        {
            await mallory.OpenAsync(path);
            var main = page.GetByRole(AriaRole.Main);
            await Expect(main.GetByText(Title, new() { Exact = true }).First).ToBeVisibleAsync();
            await Expect(main.GetByText(descriptionShown, new() { Exact = true }).Last).ToBeVisibleAsync();
            await AssertNothingInjectedAsync(mallory, path);
        }

        // The edit form gives the same text back as the fields' values, to be saved unchanged.
        await mallory.OpenAsync(details + "/edit");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(Title);
        await Expect(page.GetByLabel("Description")).ToHaveValueAsync(Description);
        await AssertNothingInjectedAsync(mallory, details + "/edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await mallory.WaitForPathAsync(details);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Title);
        await AssertNothingInjectedAsync(mallory, details);

        // The watch itself works: a dialog that does open is seen.
        await page.EvaluateAsync("() => alert('probe')");
        Assert.Equal(["alert: probe"], mallory.Dialogs);
    }

    /// <summary>The markup became no element (no image with src "x", no script but the page's own) and no dialog opened.</summary>
    private static async Task AssertNothingInjectedAsync(Visitor visitor, string path)
    {
        var injected = await visitor.Page.EvaluateAsync<int>(
            "() => document.querySelectorAll('img[src=x], [onerror], script:not([src])').length");
        Assert.True(injected == 0, $"{path} has {injected} element(s) made from user input");
        Assert.True(visitor.Dialogs.Count == 0, $"{path} opened a dialog: {string.Join("; ", visitor.Dialogs)}");
    }
}
