using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Security;

/// <summary>
/// PostgreSQL refuses text containing NUL; such input must be refused (4xx) before it reaches the
/// database, never turned into a 500.
/// </summary>
public sealed class NulCharacterTests
{
    [Theory]
    [OnEachDatabase]
    public async Task NulInEveryLookupField_AnswersA4xx(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("A note to share");

        using var tag = await browser.GetAsync("/documents?tag=a%00b");
        using var search = await browser.GetAsync("/documents?q=a%00b");
        using var share = await browser.PostWithTokenAsync($"/documents/{id}/shares", new KeyValuePair<string, string>("username", "bob\0"));
        using var revoke = await browser.PostWithTokenAsync("/settings/sessions/revoke", new KeyValuePair<string, string>("sessionId", "ab\0cd"));
        using var anonymous = app.CreateBrowser();
        using var login = await anonymous.SignInAsync("ali\0ce", "whatever-password");
        using var register = await anonymous.RegisterAsync("ali\0ce");

        Assert.Equal(HttpStatusCode.BadRequest, tag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.All(new[] { share, revoke, login, register }, response =>
            Assert.InRange((int)response.StatusCode, 400, 499));
    }
}
