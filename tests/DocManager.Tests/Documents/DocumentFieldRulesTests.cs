using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>SPEC §1 and §7: tags, category and priority are checked, never silently dropped or guessed.</summary>
public sealed class DocumentFieldRulesTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Tags_AreDeDuplicated_AcrossCaseAndRepeatedFields(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();

        using var response = await browser.PostWithTokenAsync(
            "/documents/new",
            KeyValuePair.Create("title", "Tagged note"),
            KeyValuePair.Create("tags", "alpha, Alpha, beta"),
            KeyValuePair.Create("tags", "beta"),
            KeyValuePair.Create("tags", "ALPHA"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(["alpha", "beta"], Assert.Single(await app.DocumentsAsync()).Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("good, bad tag!")]
    [InlineData("bad!")]
    [InlineData("dots.are.not.allowed")]
    [InlineData("slash/tag")]
    public async Task Tags_WithAnInvalidTag_Return400_NotDroppingIt(string tags)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync("Badly tagged", KeyValuePair.Create("tags", tags));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadHtmlAsync()).FieldError("tags")), "no message beside the tags");
        Assert.Empty(await app.DocumentsAsync());
    }

    [Fact]
    public async Task Tags_LongerThan32Characters_Return400()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var accepted = await browser.CreateNoteAsync("Long tag", KeyValuePair.Create("tags", new string('t', 32)));
        using var refused = await browser.CreateNoteAsync("Too long tag", KeyValuePair.Create("tags", new string('t', 33)));

        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single(await app.DocumentsAsync());
    }

    [Fact]
    public async Task Tags_MoreThanTen_Return400_TenAreFine()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var ten = string.Join(", ", Enumerable.Range(1, 10).Select(i => $"tag{i}"));
        var eleven = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"tag{i}"));

        using var accepted = await browser.CreateNoteAsync("Ten tags", KeyValuePair.Create("tags", ten));
        using var refused = await browser.CreateNoteAsync("Eleven tags", KeyValuePair.Create("tags", eleven));

        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refused.ReadHtmlAsync()).FieldError("tags")));
        Assert.Equal(10, Assert.Single(await app.DocumentsAsync()).Tags.Count);
    }

    [Theory]
    [InlineData("category", "Report")]
    [InlineData("category", "memo")]
    [InlineData("priority", "urgent")]
    [InlineData("priority", "HIGH")]
    public async Task UnknownCategoryOrPriority_Returns400WithTheMessageBesideIt(string field, string value)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync("Odd values", KeyValuePair.Create(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadHtmlAsync()).FieldError(field)), $"no message beside the {field}");
        Assert.Empty(await app.DocumentsAsync());
    }
}
