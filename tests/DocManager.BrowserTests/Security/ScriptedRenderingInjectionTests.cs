using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Security;

/// <summary>
/// SPEC §5 "every value from users is HTML-escaped", where the page's scripts (not the server) put
/// it in the page: search suggestions, cards appended by infinite scroll, a title saved inline, and
/// notifications arriving live. Markup in titles, descriptions and file names must stay text.
/// Each test runs with the app's CSP and without it (BypassCSP): the CSP would stop an injected
/// handler from running, so only the run without it proves that the scripts escape by themselves.
/// </summary>
public sealed class ScriptedRenderingInjectionTests(Chromium chromium)
{
    private const string Title = "<img src=x onerror=alert(1)>";
    private const string Description = "<img src=x onerror=alert(2)><script>alert(3)</script>";
    private const string FileName = "<img src=x onerror=alert(4)>.txt";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InSearchSuggestions(bool bypassCsp)
    {
        await using var site = await Site.StartAsync(chromium);
        var mallory = await site.NewUserAsync(bypassCsp: bypassCsp);
        await mallory.AddNoteAsync(Title, Description);
        await mallory.OpenAsync("/documents");

        var box = mallory.SearchBox();
        // In one go, so that one answer fills the list (no earlier one re-renders it after ArrowDown)
        await box.FillAsync("onerr");
        var option = mallory.Suggestions().GetByRole(AriaRole.Option);
        await Expect(option).ToHaveTextAsync([Title]);
        await box.PressAsync("ArrowDown");
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");

        await AssertInertAsync(mallory, "the suggestions");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InCardsAppendedByInfiniteScroll(bool bypassCsp)
    {
        await using var site = await Site.StartAsync(chromium);
        var mallory = await site.NewUserAsync(bypassCsp: bypassCsp);
        // The two oldest, so that they come on the second page, which the script appends.
        await mallory.AddNoteAsync(Title, Description);
        await mallory.UploadTextAsync(FileName, "Harmless text.\n", Title + " (file)");
        await mallory.AddNotesAsync(Enumerable.Range(1, 10).Select(i => $"Filler {i:00}"));

        await mallory.OpenAsync("/documents?pageSize=10");
        var page = mallory.Page;
        var cards = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);
        await Expect(cards).ToHaveCountAsync(10);
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await Expect(cards).ToHaveCountAsync(12);

        // Both are among the two cards the script appended, not the ten the server sent
        var appended = cards.Nth(10).Or(cards.Nth(11));
        var noteCard = appended.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }) });
        await Expect(noteCard).ToBeVisibleAsync();
        await Expect(noteCard.GetByText(Description, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(noteCard.GetByRole(AriaRole.Button, new() { Name = $"Rename “{Title}”" })).ToBeVisibleAsync();
        var fileCard = appended.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Title + " (file)", Exact = true }) });
        await Expect(fileCard).ToBeVisibleAsync();
        await Expect(fileCard.GetByText(new Regex("^" + Regex.Escape(FileName) + " · \\d+ B$"))).ToBeVisibleAsync();

        await AssertInertAsync(mallory, "the appended cards");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InATitleSavedInline(bool bypassCsp)
    {
        await using var site = await Site.StartAsync(chromium);
        var mallory = await site.NewUserAsync(bypassCsp: bypassCsp);
        var id = await mallory.AddNoteAsync("Harmless title", "");
        await mallory.OpenAsync($"/documents/{id}");
        var page = mallory.Page;

        var field = await mallory.OpenTitleEditorAsync("Harmless title");
        await field.FillAsync(Title);
        await field.PressAsync("Enter");

        // The heading, the button's name and the window title, all set by the script from the server's answer
        await Expect(field).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Expect(mallory.RenameButton(Title)).ToBeFocusedAsync();
        await Expect(page).ToHaveTitleAsync($"{Title} · DocManager");
        await AssertInertAsync(mallory, "the inline editor");
        Assert.Equal(Title, await mallory.TitleOfAsync(id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InNotificationsArrivingLive(bool bypassCsp)
    {
        await using var site = await Site.StartAsync(chromium);
        var mallory = await site.NewUserAsync();
        var id = await mallory.AddNoteAsync(Title, Description);

        // GIVEN Bob on his notifications page, with none yet, listening for new ones
        var bob = await site.NewUserAsync(bypassCsp: bypassCsp);
        await bob.OpenWithLiveNotificationsAsync("/notifications");

        // WHEN Mallory shares the document with him
        await mallory.ShareAsync(id, bob.UserName);

        // THEN the toast and the page's list show the message, title and all, as text
        var message = $"{mallory.UserName} shared “{Title}” with you";
        var page = bob.Page;
        await Expect(page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = message, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link, new() { Name = message, Exact = true }))
            .ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Notifications 1 unread" })).ToBeVisibleAsync();
        await AssertInertAsync(bob, "the live notifications");
    }

    /// <summary>The markup became no element, no dialog opened, and nothing was logged as an error (a CSP refusal, a failed image).</summary>
    private static async Task AssertInertAsync(Visitor visitor, string where)
    {
        var injected = await visitor.Page.EvaluateAsync<int>(
            "() => document.querySelectorAll('img[src=x], [onerror], script:not([src])').length");
        Assert.True(injected == 0, $"{where}: {injected} element(s) made from user input");
        Assert.True(visitor.Dialogs.Count == 0, $"{where}: a dialog opened: {string.Join("; ", visitor.Dialogs)}");
        Assert.True(visitor.ConsoleErrors.Count == 0, $"{where}: console errors: {string.Join("; ", visitor.ConsoleErrors)}");
    }
}
