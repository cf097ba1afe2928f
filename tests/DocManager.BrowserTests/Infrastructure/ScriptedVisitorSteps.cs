using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// What a person does on the pages that scripts enhance (the upload list with its progress bars,
/// live notifications), and what the server then holds, asked through the API in that person's
/// own session.
/// </summary>
public static class ScriptedVisitorSteps
{
    /// <summary>The row for one file in the upload page's list of uploads.</summary>
    public static ILocator UploadRow(this Visitor visitor, string fileName) =>
        visitor.Page.GetByRole(AriaRole.List, new() { Name = "Uploads" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = fileName });

    /// <summary>The progress bar of one file being uploaded.</summary>
    public static ILocator UploadProgress(this Visitor visitor, string fileName) =>
        visitor.Page.GetByRole(AriaRole.Progressbar, new() { Name = $"Progress of {fileName}", Exact = true });

    /// <summary>The header's search box, which autocomplete.js turns into a combobox.</summary>
    public static ILocator SearchBox(this Visitor visitor) =>
        visitor.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Combobox, new() { Name = "Search documents" });

    /// <summary>The list of document titles the search box suggests.</summary>
    public static ILocator Suggestions(this Visitor visitor) =>
        visitor.Page.GetByRole(AriaRole.Listbox, new() { Name = "Suggested documents" });

    /// <summary>The ✎ button beside a document's title (inline-edit.js), named after the title it renames.</summary>
    public static ILocator RenameButton(this Visitor visitor, string title) => RenameButton(visitor.Page.Locator("body"), title);

    private static ILocator RenameButton(ILocator scope, string title) => scope.GetByRole(AriaRole.Button, new() { Name = $"Rename “{title}”" });

    /// <summary>The field that takes the title's place while it is renamed in place.</summary>
    public static ILocator TitleEditor(this Visitor visitor) => TitleEditor(visitor.Page.Locator("body"));

    private static ILocator TitleEditor(ILocator scope) => scope.GetByRole(AriaRole.Textbox, new() { Name = "New title" });

    /// <summary>Presses the ✎ button beside the title and returns the field that opens in its place.</summary>
    public static async Task<ILocator> OpenTitleEditorAsync(this Visitor visitor, string title)
    {
        await visitor.RenameButton(title).ClickAsync();
        return visitor.TitleEditor();
    }

    /// <summary>The "Notifications" link in the header, whose name carries the unread count.</summary>
    public static ILocator NotificationsLink(this Visitor visitor) =>
        visitor.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Navigation, new() { Name = "Account" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new("^Notifications") });

    /// <summary>Chooses files with the upload page's file field, as the "Browse…" dialog would.</summary>
    public static Task ChooseFilesAsync(this Visitor visitor, params TestFile[] files) =>
        visitor.Page.GetByLabel("Files").SetInputFilesAsync(files.Select(f => new FilePayload { Name = f.Name, MimeType = f.ClaimedType, Buffer = f.Content }));

    /// <summary>Chooses files with the upload page's file field and presses Upload (the script then sends them).</summary>
    public static async Task ChooseAndUploadAsync(this Visitor visitor, params TestFile[] files)
    {
        await visitor.ChooseFilesAsync(files);
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Drags files from the desktop onto the upload page's drop zone: the files are built in the page
    /// and carried by a real DataTransfer through dragenter, dragover and drop, as a browser does.
    /// </summary>
    public static async Task DropFilesAsync(this Visitor visitor, IEnumerable<TestFile> files)
    {
        var payload = files.Select(f => new { name = f.Name, type = f.ClaimedType, base64 = Convert.ToBase64String(f.Content) }).ToArray();
        var dataTransfer = await visitor.Page.EvaluateHandleAsync("""
            files => {
              const dataTransfer = new DataTransfer();
              for (const file of files) {
                const bytes = Uint8Array.from(atob(file.base64), c => c.charCodeAt(0));
                dataTransfer.items.add(new File([bytes], file.name, { type: file.type }));
              }
              return dataTransfer;
            }
            """, payload);
        // The zone is found by what it tells the user; the events bubble up to it from its text.
        var zone = visitor.Page.GetByText("Drop files here");
        foreach (var type in new[] { "dragenter", "dragover", "drop" })
        {
            await zone.DispatchEventAsync(type, new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        }
    }

    /// <summary>
    /// Opens a page and waits until its live notification stream is connected: the server subscribes
    /// before it answers, so from then on every notification reaches this page.
    /// </summary>
    public static async Task OpenWithLiveNotificationsAsync(this Visitor visitor, string path)
    {
        var stream = await visitor.Page.RunAndWaitForResponseAsync(
            () => visitor.OpenAsync(path),
            response => new Uri(response.Url).AbsolutePath == "/api/notifications/stream");
        Assert.Equal(200, stream.Status);
    }

    /// <summary>
    /// Renames a document in place: presses its ✎ button inside <paramref name="scope"/> (the page's main
    /// content, or one card), types the new title and presses Enter. Answers the server's reply to the save.
    /// </summary>
    public static async Task<IResponse> RenameInPlaceAsync(this Visitor visitor, ILocator scope, string shownTitle, string newTitle)
    {
        await RenameButton(scope, shownTitle).ClickAsync();
        var field = TitleEditor(scope);
        await field.FillAsync(newTitle);
        var saved = visitor.Page.WaitForResponseAsync(r => r.Request.Method == "PATCH");
        await field.PressAsync("Enter");
        return await saved;
    }

    /// <summary>The same person renames a document in another browser of theirs (through the API), which must succeed.</summary>
    public static async Task RenameElsewhereAsync(this Site site, string userName, int id, string title)
    {
        var elsewhere = await site.SignInElsewhereAsync(userName);
        Assert.Equal(200, await elsewhere.RenameThroughApiAsync(id, title));
    }

    /// <summary>
    /// A save the server refused as stale: it named the version it was editing (`If-Match`), got 412,
    /// and the editor in <paramref name="scope"/> says why.
    /// </summary>
    public static async Task AssertRefusedAsStaleAsync(IResponse saved, ILocator scope)
    {
        Assert.NotNull(await saved.Request.HeaderValueAsync("If-Match"));
        Assert.Equal(412, saved.Status);
        await Expect(scope.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Someone else changed this document. Reload the page to see their changes.");
    }

    /// <summary>The titles of the documents this person owns, as the server has them (GET /api/documents).</summary>
    public static async Task<IReadOnlyList<string>> StoredTitlesAsync(this Visitor visitor)
    {
        var response = await visitor.Context.APIRequest.GetAsync("/api/documents?owner=me&sort=title&limit=100");
        Assert.Equal(200, response.Status);
        var body = await response.JsonAsync();
        Assert.NotNull(body);
        return [.. body.Value.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString()!)];
    }

    /// <summary>The number of unread notifications, as the server has it (GET /api/notifications).</summary>
    public static async Task<int> UnreadOnServerAsync(this Visitor visitor)
    {
        var response = await visitor.Context.APIRequest.GetAsync("/api/notifications");
        Assert.Equal(200, response.Status);
        var body = await response.JsonAsync();
        Assert.NotNull(body);
        return body.Value.GetProperty("unread").GetInt32();
    }

    /// <summary>Fails with every console error and dialog any of these people's pages showed.</summary>
    public static void AssertNoScriptProblems(params Visitor[] visitors)
    {
        Assert.Empty(visitors.SelectMany(v => v.ConsoleErrors));
        Assert.Empty(visitors.SelectMany(v => v.Dialogs));
    }
}
