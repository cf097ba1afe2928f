using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>SPEC §3 and §7: list parameters are exact; a value the server does not know is a 400, never a guess.</summary>
public sealed class DocumentListQueryValidationTests
{
    [Theory]
    [InlineData("sort=name")]
    [InlineData("sort=Title")]
    [InlineData("sort=-Date")]
    [InlineData("category=Report")]
    [InlineData("category=unknown")]
    [InlineData("from=2024-02-30")]
    [InlineData("from=2024/01/01")]
    [InlineData("from=2024-1-1")]
    [InlineData("to=tomorrow")]
    [InlineData("to=2024-13-01")]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("pageSize=7")]
    [InlineData("pageSize=1000")]
    [InlineData("owner=everyone")]
    [InlineData("owner=Me")]
    public async Task List_WithAnInvalidParameter_Returns400(string query)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Something to list");

        using var response = await browser.GetAsync($"/documents?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Empty(page.CardIds());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main [role=alert]")?.TextContent), "the page does not say what was wrong");
    }

    [Theory]
    [InlineData("sort=title")]
    [InlineData("sort=-size")]
    [InlineData("category=report")]
    [InlineData("from=2024-02-29")]
    [InlineData("to=2999-12-31")]
    [InlineData("page=2")]
    [InlineData("pageSize=100")]
    [InlineData("owner=shared")]
    [InlineData("q=anything&tag=some-tag")]
    public async Task List_WithValidParameters_Returns200(string query)
    {
        // The control for the 400s above: the same parameters with values the server knows.
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Something to list");

        using var response = await browser.GetAsync($"/documents?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
