using System.Net;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Ocr;
using DocManager.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Previews;

/// <summary>
/// Upgrading to the release with previews (the `Previews` migration): documents stored by the release
/// before it get their previews, and their words read again where they had none, in the background
/// once the upgraded app runs — nothing already stored is left pending or without a preview.
/// </summary>
public sealed class PreviewUpgradeTests
{
    [Theory]
    [OnEachDatabase]
    public async Task DocumentsStoredBeforePreviews_GetThemOnceTheUpgradedAppRuns(Backend backend)
    {
        var picture = PreviewSteps.RealPng("holiday.png", 300, 200).Content;
        var scan = Scans.ImageOnlyPdf("Harbour");
        var environment = await TestEnvironment.CreateAsync(backend);
        OldDocuments stored;
        try
        {
            stored = await StoreAsThePreviousReleaseDidAsync(environment, picture, scan);
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }

        await using var app = await TestApp.StartOnAsync(environment);
        await app.WaitForJobsAsync();
        using var owner = app.CreateBrowser();
        await owner.SignInAsUserAsync(stored.UserName);

        Assert.Equal(("ready", 1), await owner.PreviewAsync(stored.Picture));
        Assert.Equal((300, 200), await owner.WebpSizeAsync($"/documents/{stored.Picture}/thumbnail"));
        Assert.Equal(picture, await owner.DownloadAsync(stored.Picture));
        Assert.Equal(("none", 0), await owner.PreviewAsync(stored.Note));
        using (var noteThumbnail = await owner.GetAsync($"/documents/{stored.Note}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.NotFound, noteThumbnail.StatusCode);
        }

        // The scan's empty text was read again, now with OCR, and its word is found.
        Assert.Equal(("ready", "ocr"), await owner.TextStatusAsync(stored.Scan));
        await owner.AssertFindsAsync("harbour", stored.Scan);
        Assert.Equal(("ready", 1), await owner.PreviewAsync(stored.Scan));
        Assert.Equal(scan, await owner.DownloadAsync(stored.Scan));
        Assert.Empty(await app.JobsAsync());
    }

    private sealed record OldDocuments(string UserName, int Picture, int Scan, int Note);

    /// <summary>
    /// The database at the migration before `Previews`, with what that release stored for an upload: a
    /// user, a picture (no text row: its text was not read), a PDF scan whose text layer gave an empty
    /// text row, and a note; their files in the store as `files/ab/cd/{name}`, their search entries.
    /// </summary>
    private static async Task<OldDocuments> StoreAsThePreviousReleaseDidAsync(TestEnvironment environment, byte[] picture, byte[] scan)
    {
        await using var release = await EarlierRelease.BeforeAsync(environment, "Previews");
        var userName = Browser.NewUserName();
        var created = DateTime.UtcNow.AddDays(-30);
        var owner = await release.InsertUserAsync(userName, created, (long)picture.Length + scan.Length, 3);
        var pictureId = await release.InsertFileAsync(owner, "Holiday", "holiday.png", "image/png", picture, created);
        var scanId = await release.InsertFileAsync(owner, "Signed contract", "contract.pdf", "application/pdf", scan, created);
        await release.Db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DocumentTexts" ("DocumentId", "Text", "Truncated", "ExtractedAt") VALUES ({scanId}, '', {false}, {created})
            """, TestContext.Current.CancellationToken);
        var noteId = await release.InsertNoteAsync(owner, "Just words", created);
        await release.IndexAllAsync();
        return new OldDocuments(userName, pictureId, scanId, noteId);
    }
}
