using DocManager.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Enhancements;

/// <summary>
/// inline-edit.js: the ✎ button beside a title turns it into a field. Enter saves it through
/// <c>PATCH /api/documents/{id}</c> (with <c>If-Match</c>), Escape cancels, and the server's refusal is
/// shown in place. Whatever the page shows, a reload shows what the server stored.
/// </summary>
public sealed class InlineEditTests(Chromium chromium)
{
    [Fact]
    public async Task OnTheDocumentPage_EnterSavesTheNewTitle()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.AddNoteAsync("Draft minutes", "Minutes of the board meeting.");
        await alice.OpenAsync($"/documents/{id}");
        var page = alice.Page;

        // WHEN Alice presses the rename button, THEN a field holding the title takes the focus
        var field = await alice.OpenTitleEditorAsync("Draft minutes");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveValueAsync("Draft minutes");

        // WHEN she types a new title and presses Enter
        await field.FillAsync("Board minutes, approved");
        await field.PressAsync("Enter");

        // THEN the heading, the button's name and the window title show it, and the field is gone
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(field).ToHaveCountAsync(0);
        await Expect(heading).ToHaveTextAsync("Board minutes, approved");
        await Expect(alice.RenameButton("Board minutes, approved")).ToBeFocusedAsync();
        await Expect(page).ToHaveTitleAsync("Board minutes, approved · DocManager");

        // AND the server stored it: a reload shows it
        await page.ReloadAsync();
        await Expect(heading).ToHaveTextAsync("Board minutes, approved");
        Assert.Empty(alice.ConsoleErrors);
    }

    [Fact]
    public async Task InTheList_EnterSavesTheNewTitle()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await alice.AddNotesAsync(["Supplier list", "Packing list"]);
        await alice.OpenAsync("/documents");
        var main = alice.Page.GetByRole(AriaRole.Main);

        await main.GetByRole(AriaRole.Button, new() { Name = "Rename “Supplier list”" }).ClickAsync();
        var field = main.GetByRole(AriaRole.Textbox, new() { Name = "New title" });
        await field.FillAsync("Approved suppliers");
        await field.PressAsync("Enter");

        await Expect(field).ToHaveCountAsync(0);
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Approved suppliers", Exact = true })).ToBeVisibleAsync();
        await alice.Page.ReloadAsync();
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Approved suppliers", Exact = true })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Supplier list", Exact = true })).ToHaveCountAsync(0);
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Packing list", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Escape_RestoresTheOldTitle_AndSendsNothing()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.AddNoteAsync("Draft minutes", "");
        await alice.OpenAsync($"/documents/{id}");
        var page = alice.Page;
        var writes = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method != "GET" && request.Url.Contains("/api/", StringComparison.Ordinal))
            {
                writes.Add($"{request.Method} {request.Url}");
            }
        };

        // GIVEN the editor open, with a different title typed in it
        var rename = alice.RenameButton("Draft minutes");
        await rename.ClickAsync();
        var field = alice.TitleEditor();
        await field.FillAsync("Something else entirely");

        // WHEN she presses Escape
        await field.PressAsync("Escape");

        // THEN the old title is back, the focus is on the button again, and no request was made
        await Expect(field).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Draft minutes");
        await Expect(rename).ToBeFocusedAsync();
        Assert.Empty(writes);
        Assert.Equal("Draft minutes", await alice.TitleOfAsync(id));
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Draft minutes");
    }

    public static TheoryData<string, string> RefusedTitles => new()
    {
        { "   ", "Title required" },
        { "ab", "Title must be at least 3 characters" },
        { new string('x', 101), "Title too long" },
        { "MEETING NOTES", "Title already exists" },
    };

    [Theory]
    [MemberData(nameof(RefusedTitles))]
    public async Task ATitleTheServerRefuses_IsExplainedBesideTheField_AndNothingChanges(string title, string message)
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var ids = await alice.AddNotesAsync(["Meeting notes", "Draft minutes"]);
        await alice.OpenAsync($"/documents/{ids[1]}");
        var page = alice.Page;

        // WHEN Alice saves a title the server refuses (one she could not type is filled in directly:
        // the field's own maxlength is a convenience, the server's rule is what counts)
        var field = await alice.OpenTitleEditorAsync("Draft minutes");
        await field.EvaluateAsync("(input, value) => { input.value = value; }", title);
        var saved = page.WaitForResponseAsync(r => r.Request.Method == "PATCH");
        await field.PressAsync("Enter");
        Assert.Equal(400, (await saved).Status);

        // THEN the server's message is shown as an alert, tied to the field, which keeps her text and the focus
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = message })).ToBeVisibleAsync();
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync(message);
        await Expect(field).ToHaveValueAsync(title);
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToBeEnabledAsync();

        // AND nothing changed
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Draft minutes");
        Assert.Equal("Meeting notes", await alice.TitleOfAsync(ids[0]));
    }

    [Fact]
    public async Task AStaleEdit_IsRefused_AndDoesNotOverwriteTheNewerTitle()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.AddNoteAsync("Draft minutes", "");
        await alice.OpenAsync($"/documents/{id}");
        var page = alice.Page;

        // GIVEN Alice's page is open, and she then renames the document in another browser of hers
        await site.RenameElsewhereAsync(alice.UserName, id, "Renamed elsewhere");

        // WHEN she renames it on the page she loaded before that
        var main = page.GetByRole(AriaRole.Main);
        var saved = await alice.RenameInPlaceAsync(main, "Draft minutes", "Renamed here");

        // THEN the server refuses it as stale, and the page says why
        await ScriptedVisitorSteps.AssertRefusedAsStaleAsync(saved, main);
        await Expect(alice.TitleEditor()).ToHaveAttributeAsync("aria-invalid", "true");

        // AND the newer title stands
        Assert.Equal("Renamed elsewhere", await alice.TitleOfAsync(id));
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Renamed elsewhere");
    }

    [Fact]
    public async Task TwoRenamesInARow_BothSave()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        var id = await alice.AddNoteAsync("Draft minutes", "");
        await alice.OpenAsync($"/documents/{id}");
        var page = alice.Page;
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        // The first save changes the document's version: the second must send the new one, not be refused as stale.
        foreach (var (from, to) in new[] { ("Draft minutes", "Minutes, second draft"), ("Minutes, second draft", "Minutes, final") })
        {
            var field = await alice.OpenTitleEditorAsync(from);
            await field.FillAsync(to);
            await field.PressAsync("Enter");
            await Expect(field).ToHaveCountAsync(0);
            await Expect(heading).ToHaveTextAsync(to);
        }

        Assert.Equal("Minutes, final", await alice.TitleOfAsync(id));
    }
}
