using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sharing;

/// <summary>SPEC §3: a share that cannot be made re-renders the page with 400 and the reason beside the username field.</summary>
public sealed class ShareValidationTests
{
    [Fact]
    public async Task Share_WithAnUnknownUserName_Returns400WithTheMessageBesideTheField()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Private note");

        using var response = await owner.ShareAsync(id, "nobody_by_that_name");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("No user with that username", page.FieldError("username"));
        Assert.Equal("nobody_by_that_name", page.QuerySelector<IHtmlInputElement>("form[action$='/shares'] input[name=username]")?.Value);
        Assert.Empty(await app.SharesAsync(id));
        Assert.Empty(await app.NotificationsAsync(owner));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Share_WithYourself_Returns400WithTheMessageBesideTheField(bool otherCase)
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Mine alone");

        using var response = await owner.ShareAsync(id, otherCase ? owner.UserName.ToUpperInvariant() : owner.UserName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.False(string.IsNullOrEmpty(page.FieldError("username")), "no message beside the username field");
        Assert.Empty(await app.SharesAsync(id));
        Assert.Empty(await app.NotificationsAsync(owner));
    }

    [Fact]
    public async Task Share_WithAnEmptyUserName_Returns400WithTheMessageBesideTheField()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Still private");

        using var response = await owner.ShareAsync(id, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadHtmlAsync()).FieldError("username")));
        Assert.Empty(await app.SharesAsync(id));
    }
}
