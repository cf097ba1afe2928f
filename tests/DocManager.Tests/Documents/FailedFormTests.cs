using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>SPEC §3: a refused form comes back with 400, each message beside its field, and what the user typed kept.</summary>
public sealed class FailedFormTests
{
    [Fact]
    public async Task NewNote_WithATooShortTitle_KeepsTheOtherFields()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync(
            "ab",
            new("description", "A long description I do not want to type again"),
            new("category", "invoice"),
            new("tags", "one, two"),
            new("priority", "high"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Title must be at least 3 characters", page.FieldError("title"));
        AssertFields(page, "ab", "A long description I do not want to type again", "invoice", "one, two", "high");
        Assert.Equal("true", page.QuerySelector("#title")?.GetAttribute("aria-invalid"));
        Assert.Null(page.FieldError("description"));
        Assert.Empty(await app.DocumentsAsync());
    }

    [Fact]
    public async Task NewNote_WithAnInvalidTag_KeepsTheValidTitle()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync("A perfectly good title", new("tags", "fine, not-fine!"), new("category", "contract"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Null(page.FieldError("title"));
        Assert.False(string.IsNullOrEmpty(page.FieldError("tags")));
        Assert.Equal("A perfectly good title", page.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.Equal("contract", page.QuerySelector<IHtmlSelectElement>("#category")?.Value);
    }

    [Fact]
    public async Task Edit_WithADuplicateTitle_Returns400AndKeepsTheChanges()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Taken title");
        var id = await browser.CreateNoteIdAsync("Original title", KeyValuePair.Create("description", "before"));

        using var response = await browser.SubmitAsync($"/documents/{id}/edit", $"/documents/{id}/edit",
            [new("title", "TAKEN TITLE"), new("description", "after"), new("category", "report"), new("tags", "x, y"), new("priority", "low")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Title already exists", page.FieldError("title"));
        AssertFields(page, "TAKEN TITLE", "after", "report", "x, y", "low");
        Assert.NotNull(page.QuerySelector($"form[action='/documents/{id}/edit']"));
        var unchanged = (await app.DocumentsAsync()).Single(d => d.Id == id);
        Assert.Equal(("Original title", "before"), (unchanged.Title, unchanged.Description));
    }

    private static void AssertFields(IHtmlDocument page, string title, string description, string category, string tags, string priority)
    {
        Assert.Equal(title, page.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.Equal(description, page.QuerySelector<IHtmlTextAreaElement>("#description")?.Value);
        Assert.Equal(category, page.QuerySelector<IHtmlSelectElement>("#category")?.Value);
        Assert.Equal(tags, page.QuerySelector<IHtmlInputElement>("#tags")?.Value);
        Assert.Equal(priority, page.QuerySelector<IHtmlSelectElement>("#priority")?.Value);
    }
}
