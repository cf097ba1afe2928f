using DocManager.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Accessibility;

/// <summary>
/// What the scripts add stays accessible: axe-core finds no serious or critical problem while the
/// suggestions are open, a notification toast is shown, or the inline title editor is open; and the
/// rename button works from the keyboard alone.
/// </summary>
public sealed class ScriptedAccessibilityTests(Chromium chromium)
{
    [Fact]
    public async Task WithTheSuggestionsOpen_AxeFindsNoSeriousViolation()
    {
        await using var site = await Site.StartAsync(chromium);
        // axe-core is injected as a script of the test's own, which the app's CSP rightly refuses.
        var alice = await site.NewUserAsync(bypassCsp: true);
        await alice.AddNotesAsync(["Planning budget 2026", "Planning offsite"]);
        await alice.OpenAsync("/documents");

        var box = alice.SearchBox();
        // In one go, so that one answer fills the list (no earlier one re-renders it after ArrowDown)
        await box.FillAsync("plan");
        var options = alice.Suggestions().GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        await box.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");

        await AssertNoSeriousViolationAsync(alice, "suggestions open");
        await Expect(options.First).ToBeVisibleAsync(); // still open while axe looked
    }

    [Fact]
    public async Task WithANotificationToastShown_AxeFindsNoSeriousViolation()
    {
        await using var site = await Site.StartAsync(chromium);
        var owner = await site.NewUserAsync();
        var id = await owner.AddNoteAsync("Site survey", "Findings of the site survey.");
        var bob = await site.NewUserAsync(bypassCsp: true);

        // A toast goes away by itself after a while: Bob's page clock stands still, so it stays while axe looks.
        await bob.Page.Clock.InstallAsync();
        await bob.OpenWithLiveNotificationsAsync("/documents");
        await bob.Page.Clock.PauseAtAsync(DateTime.UtcNow.AddMinutes(1));

        await owner.ShareAsync(id, bob.UserName);
        var toast = bob.Page.GetByRole(AriaRole.Status).Filter(new() { Has = bob.Page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }) });
        await Expect(toast).ToContainTextAsync("Site survey");

        // axe-core waits on timers of its own: the clock is moved on a millisecond at a time while it runs,
        // which keeps the page's time far below the toast's ten seconds.
        var axe = AssertNoSeriousViolationAsync(bob, "toast shown");
        while (!axe.IsCompleted)
        {
            await bob.Page.Clock.RunForAsync(1);
        }

        await axe;
        await Expect(toast).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithTheInlineEditorOpen_AndShowingAnError_AxeFindsNoSeriousViolation()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync(bypassCsp: true);
        var id = await alice.AddNoteAsync("Draft minutes", "");
        await alice.OpenAsync($"/documents/{id}");
        var page = alice.Page;

        var field = await alice.OpenTitleEditorAsync("Draft minutes");
        await Expect(field).ToBeFocusedAsync();
        await AssertNoSeriousViolationAsync(alice, "inline editor open");

        await field.FillAsync("ab");
        await field.PressAsync("Enter");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationAsync(alice, "inline editor with an error");
    }

    [Fact]
    public async Task RenameButton_IsReachedByTab_EnterOpensTheEditor_EscapeReturnsTheFocus()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.AddNoteAsync("Draft minutes", "");
        await alice.OpenAsync($"/documents/{id}");
        var page = alice.Page;
        var rename = alice.RenameButton("Draft minutes");

        // WHEN Alice presses Tab, THEN she reaches the rename button (after the header's links)
        var stops = 0;
        while (!await rename.EvaluateAsync<bool>("button => button === document.activeElement"))
        {
            Assert.True(++stops <= 30, "the rename button was not reached in 30 presses of Tab");
            await page.Keyboard.PressAsync("Tab");
        }

        // WHEN she presses Enter, THEN the editor opens with the focus in its field
        await page.Keyboard.PressAsync("Enter");
        var field = alice.TitleEditor();
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveValueAsync("Draft minutes");

        // WHEN she presses Escape, THEN the editor closes and the focus is back on the button
        await page.Keyboard.PressAsync("Escape");
        await Expect(field).ToHaveCountAsync(0);
        await Expect(rename).ToBeFocusedAsync();

        // AND the keyboard alone renames it: Enter, type, Enter
        await page.Keyboard.PressAsync("Enter");
        await Expect(field).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync("Minutes, approved");
        await page.Keyboard.PressAsync("Enter");
        var renamed = alice.RenameButton("Minutes, approved");
        await Expect(renamed).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Minutes, approved");
    }

    private static async Task AssertNoSeriousViolationAsync(Visitor visitor, string state)
    {
        var problems = new List<string>();
        foreach (var violation in await Axe.RunAsync(visitor.Page))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{visitor.CurrentPath} ({state}) {violation}");
            if (violation.IsSeriousOrCritical)
            {
                problems.Add(violation.ToString());
            }
        }

        Assert.True(problems.Count == 0, $"axe-core on {visitor.CurrentPath} ({state}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
