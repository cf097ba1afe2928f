using System.Text.RegularExpressions;
using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Journeys;

/// <summary>
/// The upload page with scripts on: files dropped on the page or chosen with the field are sent one
/// request each, each with its own progress bar, a Cancel button while it is on its way, and the
/// server's own word when it refuses one. Once every file is stored the browser goes where the plain
/// form's post goes (one file: its document; several: the list); when one failed, the page stays.
/// </summary>
public sealed class UploadProgressTests(Chromium chromium)
{
    [Fact]
    public async Task DroppedFiles_AreEachUploadedWithTheirOwnProgressBar()
    {
        await using var site = await Site.StartAsync(chromium);
        var files = new[] { TestFile.Pdf("drop-one.pdf"), TestFile.Png("drop-two.png"), TestFile.Text("drop-three.txt", "Dropped text.\n") };
        var alice = await site.NewUserAsync();
        await alice.OpenAsync("/upload");

        // GIVEN the last file is held on its way, so that the page stays while the others finish
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await alice.Page.RouteAsync("**/api/files", async route =>
        {
            if (route.Request.PostDataBuffer is { } body && System.Text.Encoding.Latin1.GetString(body).Contains(files[^1].Name, StringComparison.Ordinal))
            {
                await letGo.Task;
            }

            await route.ContinueAsync();
        });

        // WHEN Alice drops three files on the page
        await alice.DropFilesAsync(files);

        // THEN each one that arrived has a filled progress bar and a link to the document it became
        foreach (var file in files[..^1])
        {
            await Expect(alice.UploadProgress(file.Name)).ToHaveJSPropertyAsync("value", 100);
            await Expect(alice.UploadRow(file.Name).GetByRole(AriaRole.Link, new() { Name = $"Uploaded as “{file.Name[..file.Name.LastIndexOf('.')]}”" })).ToBeVisibleAsync();
        }

        await Expect(alice.UploadProgress(files[^1].Name)).ToBeVisibleAsync();

        // AND once the last one arrives too, she sees her documents, all three listed
        letGo.SetResult();
        await Expect(alice.Page).ToHaveURLAsync(new Regex(@"/documents$"));
        Assert.Equal(["drop-one", "drop-three", "drop-two"], await alice.StoredTitlesAsync());
        await Expect(alice.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task OneFile_OnceSent_OpensItsDocument_AsThePlainFormDoes()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewVisitorAsync();
        await alice.SignUpAsync();
        await alice.OpenAsync("/upload");

        // WHEN Alice titles one file and presses Upload (the script sends it, not the form)
        await alice.FillDocumentFieldsAsync(title: "Board minutes, March");
        await alice.ChooseAndUploadAsync(TestFile.Text("board-minutes.txt", "Minutes of the board.\n"));

        // THEN she sees the new document, where the form's post would have taken her
        await Expect(alice.Page).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
        await Expect(alice.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Board minutes, March");
        Assert.Equal(["Board minutes, March"], await alice.StoredTitlesAsync());
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task SeveralFiles_OnceAllAreSent_OpenTheList_AsThePlainFormDoes()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewVisitorAsync();
        await alice.SignUpAsync();
        await alice.OpenAsync("/upload");

        // WHEN Alice chooses two files and presses Upload
        await alice.ChooseAndUploadAsync(TestFile.Text("march-minutes.txt", "March.\n"), TestFile.Text("april-minutes.txt", "April.\n"));

        // THEN, both stored, she sees her documents with both listed
        await Expect(alice.Page).ToHaveURLAsync(new Regex(@"/documents$"));
        var list = alice.Page.GetByRole(AriaRole.Main);
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "march-minutes", Exact = true })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "april-minutes", Exact = true })).ToBeVisibleAsync();
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancel_AbortsThatFileOnly_AndNothingOfItIsStored(bool dropped)
    {
        await using var site = await Site.StartAsync(chromium);
        var kept = TestFile.Text("kept-minutes.txt", "These minutes are kept.\n");
        var cancelled = TestFile.Pdf("cancelled-scan.pdf", extraBytes: 256 * 1024);
        var alice = await site.NewUserAsync();
        await alice.OpenAsync("/upload");

        // GIVEN a slow connection: each upload is held on its way to the server until the test lets it go
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onTheirWay = 0;
        var bothOnTheirWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await alice.Page.RouteAsync("**/api/files", async route =>
        {
            if (Interlocked.Increment(ref onTheirWay) == 2)
            {
                bothOnTheirWay.SetResult();
            }

            await letGo.Task;
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The browser has already dropped this request (it was cancelled): nothing to send on.
            }
        });
        // WHEN she sends two files, and both are on their way
        if (dropped)
        {
            await alice.DropFilesAsync([kept, cancelled]);
        }
        else
        {
            await alice.ChooseAndUploadAsync(kept, cancelled);
        }

        await bothOnTheirWay.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var row = alice.UploadRow(cancelled.Name);
        await Expect(alice.UploadProgress(cancelled.Name)).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uploading");

        // AND cancels one of them
        var abandoned = new TaskCompletionSource<IRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.Page.RequestFailed += (_, request) => abandoned.TrySetResult(request);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Cancel {cancelled.Name}" }).ClickAsync();

        // THEN that row says nothing was saved and offers no Cancel any more, and its request is gone
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cancelled: nothing was saved.");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var request = await abandoned.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Equal(("/api/files", "net::ERR_ABORTED"), (new Uri(request.Url).AbsolutePath, request.Failure));
        letGo.SetResult();

        // AND the other file still arrives, and is the only one stored
        await Expect(alice.UploadRow(kept.Name).GetByRole(AriaRole.Link, new() { Name = "Uploaded as “kept-minutes”" })).ToBeVisibleAsync();
        Assert.Equal(["kept-minutes"], await alice.StoredTitlesAsync());
        Assert.Equal("/upload", alice.CurrentPath); // one file did not arrive: the page stays, saying which
        await alice.OpenAsync("/documents");
        await Expect(alice.Page.GetByText("1 document", new() { Exact = true })).ToBeVisibleAsync();
        ScriptedVisitorSteps.AssertNoScriptProblems(alice);
    }

    [Fact]
    public async Task FilesTheServerRefuses_ShowTheServersMessage_BesideThatFile()
    {
        await using var site = await Site.StartAsync(chromium);
        var fine = TestFile.Text("fine-notes.txt", "Nothing wrong with these notes.\n");
        var notAPdf = TestFile.Text("not-a-pdf.pdf", "Plain text wearing a PDF's name.\n");
        var tooLarge = TestFile.PngOfSize("huge-scan.png", (16 * 1024 * 1024) + 1);
        var alice = await site.NewUserAsync();
        await alice.OpenAsync("/upload");

        // WHEN Alice drops a good file with two the server refuses (the page cannot know: only the server checks)
        await alice.DropFilesAsync([fine, notAPdf, tooLarge]);

        // THEN each refused one says why, in the server's words, and the good one is stored alone
        await Expect(alice.UploadRow(notAPdf.Name).GetByRole(AriaRole.Status)).ToHaveTextAsync("File does not appear to be PDF");
        await Expect(alice.UploadRow(tooLarge.Name).GetByRole(AriaRole.Status)).ToHaveTextAsync("File too large: the limit is 16 MiB");
        await Expect(alice.UploadRow(fine.Name).GetByRole(AriaRole.Link, new() { Name = "Uploaded as “fine-notes”" })).ToBeVisibleAsync();
        Assert.Equal(["fine-notes"], await alice.StoredTitlesAsync());

        // AND the page stays, so that she can read why
        Assert.Equal("/upload", alice.CurrentPath);
    }
}
