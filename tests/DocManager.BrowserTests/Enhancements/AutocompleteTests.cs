using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Enhancements;

/// <summary>
/// autocomplete.js: the header's search box becomes an ARIA combobox whose listbox offers the titles
/// <c>/api/suggest</c> answers — debounced, never overwritten by a stale answer, keyboard-operable.
/// </summary>
public sealed class AutocompleteTests(Chromium chromium)
{
    [Fact]
    public async Task SearchBox_IsAComboboxWithAListbox_OperableByKeyboard()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await alice.AddNotesAsync(["Planning budget 2026", "Meeting notes", "Plant inventory", "Planning offsite"]);
        await alice.OpenAsync("/documents");
        var page = alice.Page;

        // GIVEN the search box: a collapsed combobox that controls a listbox
        var box = alice.SearchBox();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        var listId = await box.GetAttributeAsync("aria-controls");
        Assert.False(string.IsNullOrEmpty(listId));
        var listbox = alice.Suggestions();
        await Expect(listbox).ToBeHiddenAsync();

        // WHEN Alice types the start of a word, THEN the listbox opens with the titles that have such a word
        // (filled in one go: typed key by key, an answer for "pla" could re-render the list under the
        // arrow keys below; typing is what the debounce test is about)
        await box.FillAsync("plan");
        await Expect(listbox).ToBeVisibleAsync();
        await Expect(listbox).ToHaveIdAsync(listId!);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var options = listbox.GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(3);
        Assert.Equal(["Planning budget 2026", "Planning offsite", "Plant inventory"], (await options.AllTextContentsAsync()).Order());
        await Expect(box).Not.ToHaveAttributeAsync("aria-activedescendant", new Regex("."));

        // WHEN she presses ArrowDown twice and ArrowUp once, THEN the first option is the active one
        await box.PressAsync("ArrowDown");
        await ExpectActiveAsync(box, options, 0);
        await box.PressAsync("ArrowDown");
        await ExpectActiveAsync(box, options, 1);
        await box.PressAsync("ArrowUp");
        await ExpectActiveAsync(box, options, 0);
        await Expect(box).ToBeFocusedAsync();

        // WHEN she presses Escape, THEN the listbox closes and nothing is active
        await box.PressAsync("Escape");
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).Not.ToHaveAttributeAsync("aria-activedescendant", new Regex("."));
        await Expect(box).ToHaveValueAsync("plan");

        // WHEN she opens it again with ArrowDown, picks the second suggestion and presses Enter,
        // THEN that document opens (not the search page)
        await box.PressAsync("ArrowDown");
        await Expect(options).ToHaveCountAsync(3);
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        await ExpectActiveAsync(box, options, 1);
        var chosen = await options.Nth(1).TextContentAsync();
        await box.PressAsync("Enter");
        await alice.WaitForPathAsync(new Regex(@"^/documents/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(chosen!);
        Assert.Empty(alice.ConsoleErrors);
    }

    [Fact]
    public async Task TypingQuickly_SendsOneRequest_OnceTheTypingPauses()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await alice.AddNotesAsync(["Planning budget 2026"]);
        var page = alice.Page;
        var asked = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/api/suggest")
            {
                lock (asked)
                {
                    asked.Add(new Uri(request.Url).Query);
                }
            }
        };

        // GIVEN the page's clock stands still, so only the test lets time pass
        await page.Clock.InstallAsync();
        await alice.OpenAsync("/documents");
        await page.Clock.PauseAtAsync(DateTime.UtcNow.AddMinutes(1));

        // WHEN Alice types a word, key after key, THEN nothing is asked while she types
        var box = alice.SearchBox();
        await box.PressSequentiallyAsync("planning");
        await Expect(box).ToHaveValueAsync("planning");
        await page.Clock.RunForAsync(100);
        Assert.Empty(asked);

        // WHEN she pauses long enough, THEN one request is sent, for the whole word, and its suggestion shown
        await page.Clock.RunForAsync(100);
        var listbox = alice.Suggestions();
        await Expect(listbox.GetByRole(AriaRole.Option)).ToHaveTextAsync(["Planning budget 2026"]);
        Assert.Equal(["?q=planning"], asked);
    }

    [Fact]
    public async Task AnAnswerToAnOlderQuery_NeverReplacesTheNewerSuggestions()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await alice.AddNotesAsync(["Planning budget 2026", "Planning offsite", "Plant inventory"]);
        await alice.OpenAsync("/documents");
        var page = alice.Page;

        // GIVEN the server's answer to "pla" is held back until the test releases it
        var heldSeen = new TaskCompletionSource<IRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/suggest?*", async route =>
        {
            if (new Uri(route.Request.Url).Query != "?q=pla")
            {
                await route.ContinueAsync();
                return;
            }

            heldSeen.TrySetResult(route.Request);
            await release.Task;
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page gave up on the request (aborted it), which is what it should do.
            }
        });
        var box = alice.SearchBox();
        await box.PressSequentiallyAsync("pla");
        var held = await heldSeen.Task;
        var heldDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFinished += (_, request) => { if (request == held) heldDone.TrySetResult(); };
        page.RequestFailed += (_, request) => { if (request == held) heldDone.TrySetResult(); };

        // WHEN Alice types on, and the answer to "plant" arrives first
        await box.PressSequentiallyAsync("nt");
        var options = alice.Suggestions().GetByRole(AriaRole.Option);
        await Expect(options).ToHaveTextAsync(["Plant inventory"]);

        // AND only then the answer to "pla" (three titles) completes
        release.SetResult();
        await heldDone.Task;
        // One round trip through the page: whatever the page does with that answer has run by then.
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");

        // THEN the suggestions are still those for "plant"
        await Expect(options).ToHaveTextAsync(["Plant inventory"]);
        Assert.Equal("plant", await box.InputValueAsync());
    }

    [Fact]
    public async Task Suggestions_OnlyOfferDocumentsTheUserMaySee()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await alice.AddNotesAsync(["Falcon launch plan"]);

        // GIVEN Bob's own document (not shared), and Carol's, shared with Alice
        var bob = await site.NewUserAsync();
        await bob.AddNotesAsync(["Falcon secret budget"]);
        var carol = await site.NewUserAsync();
        var shared = await carol.AddNoteAsync("Falcon supplier shortlist", "");
        await carol.ShareAsync(shared, alice.UserName);

        // WHEN Alice types the word they share
        await alice.OpenAsync("/documents");
        var box = alice.SearchBox();
        await box.FillAsync("falc");

        // THEN she is offered her own and the shared one, never Bob's
        var options = alice.Suggestions().GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        Assert.Equal(["Falcon launch plan", "Falcon supplier shortlist"], (await options.AllTextContentsAsync()).Order());
    }

    /// <summary>Option <paramref name="index"/> is selected, the others not, and the combobox points at it.</summary>
    private static async Task ExpectActiveAsync(ILocator box, ILocator options, int index)
    {
        var count = await options.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await Expect(options.Nth(i)).ToHaveAttributeAsync("aria-selected", i == index ? "true" : "false");
        }

        var id = await options.Nth(index).GetAttributeAsync("id");
        Assert.False(string.IsNullOrEmpty(id));
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", id!);
    }
}
