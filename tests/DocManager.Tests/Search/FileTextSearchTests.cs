using DocManager.Data;
using DocManager.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Search;

/// <summary>A word that appears only inside a file is found once the file's text was extracted.</summary>
public sealed class FileTextSearchTests
{
    public static TheoryData<Backend, string> KindsOnBothDatabases() => Backends.OnEachDatabaseWith(["pdf", "docx", "xlsx", "pptx", "txt"]);

    [Theory]
    [MemberData(nameof(KindsOnBothDatabases))]
    public async Task WordOnlyInsideTheFile_IsFoundAfterExtraction(Backend backend, string kind)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        const string hidden = "Zanzibarite";
        var file = kind switch
        {
            "pdf" => TextDocuments.Pdf("scan.pdf", "Minutes of the meeting", $"Supplier {hidden} agreed."),
            "docx" => TextDocuments.Docx("letter.docx", "Dear supplier,", $"the {hidden} order ships Monday."),
            "xlsx" => TextDocuments.Xlsx("sheet.xlsx", "Supplier", hidden, "1200"),
            "pptx" => TextDocuments.Pptx("deck.pptx", "Quarterly review", $"Growth at {hidden}"),
            _ => TestFile.Text("notes.txt", $"Remember to call {hidden} tomorrow.\n"),
        };
        var id = await browser.UploadDocumentAsync(file, new KeyValuePair<string, string>("title", "Plain title"));

        await app.WaitForJobsAsync();

        Assert.Equal([id], await browser.SearchIdsAsync(hidden.ToLowerInvariant()));
        Assert.Equal([id], await browser.SearchIdsAsync("zanzib"));
        Assert.Equal([id], await browser.ListIdsAsync("/documents?q=" + hidden));
        var text = await app.Instance.WithScopeAsync<AppDbContext, string>(db => db.DocumentTexts.Select(t => t.Text).SingleAsync());
        Assert.Contains(hidden, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishedExtraction_NotifiesTheOwner()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TextDocuments.Pdf("report.pdf", "hello"), new KeyValuePair<string, string>("title", "Board report"));

        await app.WaitForJobsAsync();

        var notification = await app.Instance.WithScopeAsync<AppDbContext, DocManager.Notifications.Notification>(db => db.Notifications.SingleAsync());
        Assert.Equal("indexed", notification.Kind);
        Assert.Equal("Text of “Board report” is now searchable", notification.Message);
        Assert.Equal($"/documents/{id}", notification.Link);
    }
}
