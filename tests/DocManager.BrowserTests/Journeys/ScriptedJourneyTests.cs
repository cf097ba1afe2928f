using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Journeys;

/// <summary>
/// The life of a shared document through what the scripts add to the pages: uploads with a progress
/// bar per file, search suggestions chosen from the keyboard, renaming in place, and a notification
/// that reaches the other person's open page as it happens.
/// </summary>
public sealed class ScriptedJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Upload_Suggest_RenameInPlace_Share_LiveNotification_Download()
    {
        await using var site = await Site.StartAsync(chromium);
        var budget = TestFile.Text("aurora-budget.txt", "Budget lines for the aurora project.\n");
        var minutes = TestFile.Text("aurora-minutes.txt", "Minutes of the aurora kick-off meeting.\n");

        // GIVEN Alice, who has just signed up, on the upload page
        var alice = await site.NewUserAsync();
        await alice.OpenAsync("/upload");

        // WHEN she chooses two files and presses Upload
        var sentByScript = 0;
        alice.Page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath == "/api/files" && response.Status == 201)
            {
                Interlocked.Increment(ref sentByScript);
            }
        };
        await alice.ChooseAndUploadAsync(budget, minutes);

        // THEN the script sends each on its own (with a progress bar: see UploadProgressTests), and once
        // both are stored she sees her documents, as after the plain form's post, both listed
        await alice.WaitForPathAsync("/documents");
        Assert.Equal(2, sentByScript);
        Assert.Equal(["aurora-budget", "aurora-minutes"], await alice.StoredTitlesAsync());
        var list = alice.Page.GetByRole(AriaRole.Main);
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "aurora-budget", Exact = true })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "aurora-minutes", Exact = true })).ToBeVisibleAsync();

        // WHEN she types part of a title into the header's search box
        var searchBox = alice.SearchBox();
        await Expect(searchBox).ToHaveAttributeAsync("aria-expanded", "false");
        await searchBox.PressSequentiallyAsync("auro");

        // THEN the box opens a list of the titles it may mean
        var suggestions = alice.Suggestions();
        var options = suggestions.GetByRole(AriaRole.Option);
        await Expect(options).ToHaveTextAsync(new Regex[] { new("^aurora-"), new("^aurora-") });
        await Expect(searchBox).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(searchBox).ToHaveAttributeAsync("aria-controls", (await suggestions.GetAttributeAsync("id"))!);
        Assert.Null(await searchBox.GetAttributeAsync("aria-activedescendant"));

        // WHEN she moves down the list with the arrow keys, THEN the box names the option she is on,
        // and only that option is selected (the focus stays in the box, where she types)
        await searchBox.PressAsync("ArrowDown");
        await Expect(searchBox).ToHaveAttributeAsync("aria-activedescendant", (await options.Nth(0).GetAttributeAsync("id"))!);
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await searchBox.PressAsync("ArrowDown");
        var chosen = options.Nth(1);
        await Expect(searchBox).ToHaveAttributeAsync("aria-activedescendant", (await chosen.GetAttributeAsync("id"))!);
        await Expect(chosen).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
        await Expect(searchBox).ToBeFocusedAsync();

        // AND Enter opens the document she is on, not a search for what she typed
        var chosenTitle = await chosen.TextContentAsync();
        await searchBox.PressAsync("Enter");
        await alice.WaitForPathAsync(new Regex(@"^/documents/\d+$"));
        var heading = alice.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(chosenTitle!);
        var documentPath = alice.CurrentPath;
        var shared = chosenTitle == budget.Name[..^4] ? budget : minutes;

        // WHEN she renames it in place: the pencil beside the title turns it into a field, Enter saves
        var titleField = await alice.OpenTitleEditorAsync(chosenTitle!);
        await Expect(titleField).ToBeFocusedAsync();
        await titleField.FillAsync("Aurora plans 2025");
        await titleField.PressAsync("Enter");

        // THEN the heading shows the new title without a new page, and the server stored it
        await Expect(titleField).ToHaveCountAsync(0);
        await Expect(heading).ToHaveTextAsync("Aurora plans 2025");
        await Expect(alice.Page).ToHaveTitleAsync("Aurora plans 2025 · DocManager");
        Assert.Equal(documentPath, alice.CurrentPath);
        await alice.Page.ReloadAsync();
        await Expect(heading).ToHaveTextAsync("Aurora plans 2025");

        // GIVEN Bob, signed up in his own browser, looking at his (empty) list with nothing unread
        var bob = await site.NewUserAsync();
        await bob.OpenWithLiveNotificationsAsync("/documents");
        await Expect(bob.NotificationsLink()).ToHaveAccessibleNameAsync("Notifications");
        await bob.Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // WHEN Alice shares the document with him
        await alice.ShareThisDocumentAsync(bob.UserName);

        // THEN Bob's page, untouched, counts one unread notification and shows what it says
        var message = $"{alice.UserName} shared “Aurora plans 2025” with you";
        await Expect(bob.NotificationsLink()).ToHaveAccessibleNameAsync("Notifications 1 unread");
        var toast = bob.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = message });
        await Expect(toast.GetByRole(AriaRole.Link, new() { Name = message })).ToHaveAttributeAsync("href", documentPath);
        Assert.True(await bob.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "Bob's page was reloaded");
        Assert.Equal("/documents", bob.CurrentPath);

        // WHEN Bob opens his list again, THEN the document is there and downloads as exactly Alice's bytes
        await bob.OpenAsync("/documents");
        var card = bob.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = bob.Page.GetByRole(AriaRole.Link, new() { Name = "Aurora plans 2025", Exact = true }) });
        var download = await bob.Page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        Assert.Equal(shared.Name, download.SuggestedFilename);
        Assert.Equal(shared.Content, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        // AND signs out
        await bob.SignOutAsync();

        // Nothing went wrong in any page along the way: no script error, no CSP violation, no dialog.
        ScriptedVisitorSteps.AssertNoScriptProblems(alice, bob);
    }
}
