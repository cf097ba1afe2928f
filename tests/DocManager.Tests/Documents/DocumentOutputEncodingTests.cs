using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>
/// SPEC §5: a document's title, description and file name reach every page as text. Each page is
/// parsed as a browser would parse it: the hostile values are there as text and built no element.
/// </summary>
public sealed class DocumentOutputEncodingTests
{
    private const string Title = "<img src=x onerror=alert(1)>";
    private const string Description = "<script>alert(1)</script>";
    private const string FileName = "<svg onload=alert(1)>.txt";
    private const string FileTitle = "<svg onload=alert(1)>";

    [Fact]
    public async Task HostileTitleAndDescription_AreShownAsTextOnEveryPage()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync(Title, new KeyValuePair<string, string>("description", Description));

        var list = await browser.GetPageAsync("/documents");
        var details = await browser.GetPageAsync($"/documents/{id}");
        var edit = await browser.GetPageAsync($"/documents/{id}/edit");
        var delete = await browser.GetPageAsync($"/documents/{id}/delete");

        foreach (var page in (IHtmlDocument[])[list, details, edit, delete])
        {
            AssertNoInjectedMarkup(page);
        }

        Assert.Equal(Title, list.Card(id)!.QuerySelector(".doc-title")?.TextContent.Trim());
        Assert.Equal(Description, list.Card(id)!.QuerySelector(".doc-description")?.TextContent.Trim());
        Assert.Equal(Title, details.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal(Description, details.QuerySelector("main .doc-body")?.TextContent.Trim());
        Assert.Equal(Title, edit.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.Equal(Description, edit.QuerySelector<IHtmlTextAreaElement>("#description")?.Value);
        Assert.Equal(Title, delete.QuerySelector("main strong")?.TextContent.Trim());
    }

    [Fact]
    public async Task HostileFileName_IsShownAsTextOnEveryPage()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Text(FileName));

        var list = await browser.GetPageAsync("/documents");
        var details = await browser.GetPageAsync($"/documents/{id}");
        var edit = await browser.GetPageAsync($"/documents/{id}/edit");
        var delete = await browser.GetPageAsync($"/documents/{id}/delete");

        foreach (var page in (IHtmlDocument[])[list, details, edit, delete])
        {
            AssertNoInjectedMarkup(page);
        }

        Assert.Equal(FileName, Assert.Single(await app.DocumentsAsync()).OriginalName);
        Assert.Contains(FileName, list.Card(id)!.QuerySelector(".doc-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(FileTitle, list.Card(id)!.QuerySelector(".doc-title")?.TextContent.Trim());
        Assert.Contains(details.QuerySelectorAll("main dd"), dd => dd.TextContent.Trim() == FileName);
        Assert.Equal(FileTitle, details.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal(FileTitle, edit.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.Contains(FileName, delete.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileTitle_RefusedOnEdit_IsShownBackAsText()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Harmless");
        const string hostile = "\"><script>alert(1)</script>\tcontrol character";

        using var response = await browser.SubmitAsync($"/documents/{id}/edit", $"/documents/{id}/edit", [new("title", hostile), new("description", Description)]);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        AssertNoInjectedMarkup(page);
        Assert.Equal(hostile, page.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.Equal(Description, page.QuerySelector<IHtmlTextAreaElement>("#description")?.Value);
    }

    /// <summary>No element the data could have built: no script that alerts, no event handler, no img or svg in the content but the app's own previews.</summary>
    private static void AssertNoInjectedMarkup(IHtmlDocument page)
    {
        Assert.DoesNotContain(page.Scripts, script => script.Text.Contains("alert", StringComparison.Ordinal));
        Assert.DoesNotContain(page.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(page.QuerySelectorAll("img[onerror], svg[onload]"));
        Assert.Empty(page.QuerySelectorAll("main svg, main script"));
        Previews.PreviewSteps.AssertOnlyPreviewImages(page.QuerySelectorAll("main img"));
    }
}
