using System.Net;
using DocManager.Data;
using DocManager.Jobs;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Jobs;

/// <summary>
/// A file whose text cannot be read never holds up or fails its upload: only its extraction job
/// fails, is retried with growing back-off, and after <see cref="JobRunner.MaxAttempts"/> attempts is
/// marked failed and left alone. The document stays usable throughout.
/// </summary>
public sealed class ExtractionFailureTests
{
    public static TheoryData<Backend, string> BrokenKindsOnBothDatabases() => Backends.OnEachDatabaseWith(["pdf", "docx"]);

    public static TheoryData<Backend, string> EveryBrokenKindOnBothDatabases() => Backends.OnEachDatabaseWith(["pdf", "docx", "xlsx", "pptx"]);

    [Theory]
    [MemberData(nameof(EveryBrokenKindOnBothDatabases))]
    public async Task AnUnreadableFile_UploadsFine_AndItsJobFailsAndIsRetriedLater(Backend backend, string kind)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();

        var id = await browser.UploadDocumentAsync(Broken(kind), new KeyValuePair<string, string>("title", "Unreadable scan"));
        await app.WaitForJobsAsync();

        var job = Assert.Single(await app.JobsAsync());
        Assert.Equal(id, job.DocumentId);
        Assert.Equal(1, job.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(job.LastError));
        Assert.DoesNotContain("FileNotFound", job.LastError, StringComparison.Ordinal); // failed on the content, not on a missing file
        Assert.True(job.RunAfter > app.Clock.GetUtcNow().UtcDateTime, $"RunAfter {job.RunAfter:O} is not in the future");
        Assert.Null(job.FailedAt);
        Assert.Null(job.LockedUntil);
        await AssertDocumentStillWorksAsync(browser, id);
    }

    [Theory]
    [MemberData(nameof(BrokenKindsOnBothDatabases))]
    public async Task AFailingJob_BacksOffMoreEachTime_GivesUpAfterFiveAttempts_AndNeverRunsAgain(Backend backend, string kind)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(Broken(kind), new KeyValuePair<string, string>("title", "Unreadable scan"));
        await app.WaitForJobsAsync();
        var job = Assert.Single(await app.JobsAsync());
        var delays = new List<TimeSpan>();

        for (var attempt = 2; attempt <= JobRunner.MaxAttempts; attempt++)
        {
            var wait = job.RunAfter - app.Clock.GetUtcNow().UtcDateTime;
            delays.Add(wait);
            // Not before its time...
            Assert.Equal(0, await app.Instance.Service<JobRunner>().RunDueAsync(TestContext.Current.CancellationToken));
            Assert.Equal(attempt - 1, Assert.Single(await app.JobsAsync()).Attempts);
            // ...but once it is due.
            app.Clock.Advance(wait + TimeSpan.FromSeconds(1));
            await app.WaitForJobsAsync();
            job = Assert.Single(await app.JobsAsync());
            Assert.Equal(attempt, job.Attempts);
            Assert.False(string.IsNullOrWhiteSpace(job.LastError));
        }

        Assert.True(delays.Zip(delays.Skip(1)).All(pair => pair.Second > pair.First), $"back-off did not grow: {string.Join(", ", delays)}");
        Assert.NotNull(job.FailedAt);
        Assert.Null(job.LockedUntil);
        await AssertDocumentStillWorksAsync(browser, id);

        await app.AdvanceAndSignInAsync(TimeSpan.FromDays(3), browser);
        await app.WaitForJobsAsync();

        Assert.Equal(0, await app.Instance.Service<JobRunner>().RunDueAsync(TestContext.Current.CancellationToken));
        var after = Assert.Single(await app.JobsAsync());
        Assert.Equal((JobRunner.MaxAttempts, job.FailedAt, job.LastError), (after.Attempts, after.FailedAt, after.LastError));
        Assert.Equal(0, await app.Instance.WithScopeAsync<AppDbContext, int>(db => db.DocumentTexts.CountAsync()));
        Assert.DoesNotContain(await app.NotificationsAsync(browser), n => n.Kind == "indexed");
        await AssertDocumentStillWorksAsync(browser, id);
        // …and the document says so, with the reason, instead of reading its text for ever.
        Assert.Equal(("failed", null), await Previews.PreviewSteps.TextStatusAsync(browser, id));
        var shown = (await browser.GetPageAsync($"/documents/{id}")).QuerySelector("[data-text-status]")?.TextContent;
        Assert.StartsWith("Could not read its text: ", shown, StringComparison.Ordinal);
    }

    /// <summary>A PDF header with garbage after it, or an Office package whose declared main part is no document.</summary>
    private static TestFile Broken(string kind) => kind switch
    {
        "pdf" => TestFile.Pdf("broken.pdf"),
        "docx" => TestFile.Docx("broken.docx"),
        "xlsx" => TestFile.Xlsx("broken.xlsx"),
        _ => TestFile.Pptx("broken.pptx"),
    };

    private static async Task AssertDocumentStillWorksAsync(Browser browser, int id)
    {
        var details = await browser.GetPageAsync($"/documents/{id}");
        Assert.Contains("Unreadable scan", details.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal([id], await browser.ListIdsAsync("/documents"));
        await browser.AssertFindsAsync("unreadable", id);
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }
}
