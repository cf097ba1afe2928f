using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>SPEC §1, §2 and §7: a title is 3–100 characters after trimming, with no control characters.</summary>
public sealed class TitleRulesTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "", "Title required" },
        { "    ", "Title required" },
        { "ab", "Title must be at least 3 characters" },
        { "  ab  ", "Title must be at least 3 characters" },
        { new string('x', 101), "Title too long" },
        { new string('é', 60) + new string('e', 41), "Title too long" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CreateNote_WithABadTitle_Returns400WithTheMessageBesideTheTitle(string title, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync(title);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadHtmlAsync()).FieldError("title"));
        Assert.Empty(await app.DocumentsAsync());
    }

    [Theory]
    [InlineData("Line one\nline two")]
    [InlineData("Tab\there")]
    [InlineData("Carriage\rreturn")]
    [InlineData("Bell\u0007rings")]
    public async Task CreateNote_WithAControlCharacterInTheTitle_IsRefused(string title)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync(title);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadHtmlAsync()).FieldError("title")), "no message beside the title");
        Assert.Empty(await app.DocumentsAsync());
    }

    [Theory]
    [OnEachDatabase]
    public async Task CreateNote_AtTheTitleLengthLimits_IsAccepted(Backend backend)
    {
        // Characters as a person counts them: an emoji is one, a decomposed é becomes one.
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        string[] titles = ["abc", new string('x', 100), string.Concat(Enumerable.Repeat("📄", 100)), string.Concat(Enumerable.Repeat("e\u0301", 100))];

        foreach (var title in titles)
        {
            using var response = await browser.CreateNoteAsync(title);
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"a title of {title.Length} UTF-16 units answered {(int)response.StatusCode}");
        }

        Assert.Equal(
            ["abc", new string('x', 100), string.Concat(Enumerable.Repeat("📄", 100)), new string('é', 100)],
            (await app.DocumentsAsync()).Select(d => d.Title));
    }

    [Fact]
    public async Task CreateNote_WithATitleTheOwnerAlreadyHas_Returns400TitleAlreadyExists()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Shopping list");

        using var response = await browser.CreateNoteAsync("Shopping list");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Title already exists", (await response.ReadHtmlAsync()).FieldError("title"));
        Assert.Single(await app.DocumentsAsync());
    }
}
