using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Journeys;

/// <summary>
/// The whole life of a shared document, clicked through in Chromium with the plain forms every page
/// has: with JavaScript off (as the pages must work without it) and on (the same pages, enhanced).
/// </summary>
public sealed class PlainFormJourneyTests(Chromium chromium)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SignUp_Upload_Search_Rename_Share_Download_SignOut(bool javaScript)
    {
        await using var site = await Site.StartAsync(chromium);
        var budget = TestFile.Text("aurora-budget.txt", "Budget lines for the aurora project.\n");
        var minutes = TestFile.Text("nebula-minutes.txt", "Minutes of the nebula meeting.\n");

        // GIVEN Alice, who has just signed up: an empty list that points her to the upload page
        var alice = await site.NewUserAsync(javaScript);
        await Expect(alice.Page.GetByRole(AriaRole.Heading, new() { Name = "No documents yet" })).ToBeVisibleAsync();

        // WHEN she uploads two files in one go, THEN both are listed, titled after their file names
        await alice.UploadAsync([budget, minutes]);
        await alice.OpenAsync("/documents");
        var list = alice.Page.GetByRole(AriaRole.Main);
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "aurora-budget", Exact = true })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "nebula-minutes", Exact = true })).ToBeVisibleAsync();
        await Expect(list.GetByText("2 documents")).ToBeVisibleAsync();

        // WHEN she searches from the header's search box, THEN only the matching one is found
        // (by its label: scripts may turn the search box into a combobox with suggestions)
        var searchBox = alice.Page.GetByRole(AriaRole.Banner).GetByLabel("Search documents");
        await searchBox.FillAsync("aurora");
        await searchBox.PressAsync("Enter");
        await alice.WaitForPathAsync("/search");
        var results = alice.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);
        await Expect(results).ToHaveCountAsync(1);
        var found = results.Filter(new() { Has = alice.Page.GetByRole(AriaRole.Link, new() { Name = "aurora-budget", Exact = true }) });
        await Expect(found).ToBeVisibleAsync();

        // WHEN she renames it through its edit form, THEN its page shows the new title
        await found.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await alice.WaitForPathAsync(new Regex(@"^/documents/\d+/edit$"));
        await alice.Page.GetByLabel("Title").FillAsync("Aurora budget 2025");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await alice.WaitForPathAsync(new Regex(@"^/documents/\d+$"));
        await Expect(alice.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aurora budget 2025");
        var documentPath = new Uri(alice.Page.Url).AbsolutePath;

        // WHEN she shares it with Bob, signed up in a browser of his own
        var bob = await site.NewUserAsync(javaScript);
        await alice.ShareThisDocumentAsync(bob.UserName);
        Assert.Equal(documentPath, alice.CurrentPath);

        // THEN Bob sees it in his list (and only that one), shared by Alice, without the owner's actions
        await bob.OpenAsync("/documents");
        var card = bob.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Aurora budget 2025", Exact = true })).ToBeVisibleAsync();
        await Expect(card.GetByText($"Shared by {alice.UserName}")).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);

        // AND downloads exactly the bytes Alice uploaded, under the original name
        var download = await bob.Page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        Assert.Equal("aurora-budget.txt", download.SuggestedFilename);
        Assert.Equal(budget.Content, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        // WHEN Bob signs out, THEN his pages ask him to sign in, and the old session cookie is worthless
        var session = (await bob.Context.CookiesAsync()).Single(c => c.Name == "docmanager.session");
        Assert.True(session.Secure, "the default session cookie is Secure, and Chromium keeps it on http://localhost");
        await bob.SignOutAsync();
        await bob.Page.GotoAsync("/documents");
        await bob.WaitForPathAsync("/login");
        await Expect(bob.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var thief = await site.NewVisitorAsync(javaScript);
        await thief.Context.AddCookiesAsync([new Cookie
        {
            Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path,
            Secure = session.Secure, HttpOnly = session.HttpOnly, SameSite = session.SameSite,
        }]);
        await thief.Page.GotoAsync(documentPath);
        await thief.WaitForPathAsync("/login");
        Assert.Matches(new Regex("returnUrl=%2Fdocuments%2F\\d+"), thief.CurrentPath);

        // Nothing went wrong in any page along the way: no script error, no CSP violation, no dialog.
        Assert.Empty(alice.ConsoleErrors.Concat(bob.ConsoleErrors).Concat(thief.ConsoleErrors));
        Assert.Empty(alice.Dialogs.Concat(bob.Dialogs).Concat(thief.Dialogs));
    }
}
