using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>
/// SPEC §7: titles are unique per owner ignoring case across all of Unicode and comparing NFC text;
/// renaming a document to its own title, or changing only its case, is not a duplicate.
/// </summary>
public sealed class TitleUniquenessTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Title_DifferingOnlyInNonAsciiCase_IsADuplicate(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("été");

        using var response = await browser.CreateNoteAsync("ÉTÉ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Title already exists", (await response.ReadHtmlAsync()).FieldError("title"));
        Assert.Equal("été", Assert.Single(await app.DocumentsAsync()).Title);
    }

    [Theory]
    [InlineData("σοφος λογος", "ΣΟΦΟΣ ΛΟΓΟΣ")]
    [InlineData("Straße plan", "STRASSE PLAN")]
    [InlineData("ǅemal notes", "ǆemal notes")]
    public async Task Title_DifferingOnlyInCaseFolding_IsADuplicate(string existing, string other)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync(existing);

        using var response = await browser.CreateNoteAsync(other);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Title already exists", (await response.ReadHtmlAsync()).FieldError("title"));
    }

    [Fact]
    public async Task Title_WithTurkishDotlessI_IsADifferentTitleFromDottedI()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("kısa notlar");

        await browser.CreateNoteIdAsync("kisa notlar");

        Assert.Equal(2, (await app.DocumentsAsync()).Count);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Title_DecomposedSpellingOfAnExistingTitle_IsADuplicate(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Caf\u00e9 menu");

        using var decomposed = await browser.CreateNoteAsync("Cafe\u0301 menu");
        using var decomposedUpper = await browser.CreateNoteAsync("CAFE\u0301 MENU");

        Assert.Equal(HttpStatusCode.BadRequest, decomposed.StatusCode);
        Assert.Equal("Title already exists", (await decomposed.ReadHtmlAsync()).FieldError("title"));
        Assert.Equal(HttpStatusCode.BadRequest, decomposedUpper.StatusCode);
        Assert.Single(await app.DocumentsAsync());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Title_OfAnotherUsersDocument_IsNoDuplicate(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var first = await app.NewUserAsync();
        using var second = await app.NewUserAsync();
        await first.CreateNoteIdAsync("Shared title");

        using var response = await second.CreateNoteAsync("SHARED TITLE");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(2, (await app.DocumentsAsync()).Count);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Rename_ToItsOwnTitle_OrOnlyItsCase_IsAllowed(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Été budget");

        using var same = await Rename(browser, id, "Été budget");
        using var upper = await Rename(browser, id, "ÉTÉ BUDGET");
        using var decomposed = await Rename(browser, id, "e\u0301te\u0301 budget");

        Assert.Equal(HttpStatusCode.SeeOther, same.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, upper.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, decomposed.StatusCode);
        Assert.Equal($"/documents/{id}", decomposed.Headers.Location?.OriginalString);
        Assert.Equal("été budget", Assert.Single(await app.DocumentsAsync()).Title);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Rename_ToAnotherDocumentsTitleInAnotherCase_IsADuplicate(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Été plans");
        var id = await browser.CreateNoteIdAsync("Winter plans");

        using var response = await Rename(browser, id, "ÉTÉ PLANS");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Title already exists", (await response.ReadHtmlAsync()).FieldError("title"));
        Assert.Equal(["Été plans", "Winter plans"], (await app.DocumentsAsync()).Select(d => d.Title));
    }

    private static Task<HttpResponseMessage> Rename(Browser browser, int id, string title) =>
        browser.SubmitAsync($"/documents/{id}/edit", $"/documents/{id}/edit", [new("title", title)]);
}
