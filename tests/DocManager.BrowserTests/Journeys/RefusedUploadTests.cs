using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Journeys;

/// <summary>
/// SPEC §3: a failed form is shown again with its errors and the user's valid input kept — also an
/// upload whose file is refused part-way, through the plain form the browser sends in page order.
/// </summary>
public sealed class RefusedUploadTests(Chromium chromium)
{
    [Fact]
    public async Task AFileOverTheLimit_IsRefusedBesideTheFileField_AndWhatWasTypedIsStillThere()
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync(javaScript: false);
        var tooLarge = TestFile.PngOfSize("huge-scan.png", (16 * 1024 * 1024) + 1);

        // WHEN she describes the upload, picks a file over the 16 MiB limit and submits the form
        await alice.OpenAsync("/upload");
        await alice.FillDocumentFieldsAsync(title: "Quarterly scan", description: "All pages, in colour.", category: "report", tags: "scans, q3", priority: "high");
        await alice.Page.GetByLabel("Files").SetInputFilesAsync(new FilePayload { Name = tooLarge.Name, MimeType = tooLarge.ClaimedType, Buffer = tooLarge.Content });
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        // THEN the page says why, beside the file field, and keeps everything she typed
        await Expect(alice.Page.GetByText("File too large: the limit is 16 MiB")).ToBeVisibleAsync();
        Assert.Equal("/upload", alice.CurrentPath);
        await Expect(alice.Page.GetByLabel("Title")).ToHaveValueAsync("Quarterly scan");
        await Expect(alice.Page.GetByLabel("Description")).ToHaveValueAsync("All pages, in colour.");
        await Expect(alice.Page.GetByLabel("Category")).ToHaveValueAsync("report");
        await Expect(alice.Page.GetByLabel("Tags")).ToHaveValueAsync("scans, q3");
        await Expect(alice.Page.GetByLabel("Priority")).ToHaveValueAsync("high");

        // AND nothing was stored
        await alice.OpenAsync("/documents");
        await Expect(alice.Page.GetByRole(AriaRole.Heading, new() { Name = "No documents yet" })).ToBeVisibleAsync();
    }
}
