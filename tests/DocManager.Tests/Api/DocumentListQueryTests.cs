using System.Net;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4 and §7: `/api/documents` parses its query strictly. An unknown sort or category, an
/// impossible date, a limit outside 1–100 and a cursor the server did not issue for this very
/// query are a 400 problem, never clamped, guessed at or ignored.
/// </summary>
public sealed class DocumentListQueryTests
{
    [Theory]
    [InlineData("sort=Title")]
    [InlineData("sort=name")]
    [InlineData("sort=-date&sort=date")]
    [InlineData("category=Report")]
    [InlineData("category=memo")]
    [InlineData("owner=everyone")]
    [InlineData("tag=not%20a%20tag!")]
    [InlineData("from=2024-02-30")]
    [InlineData("from=2024/01/01")]
    [InlineData("to=yesterday")]
    [InlineData("to=2024-13-01")]
    [InlineData("from=2024-05-02&to=2024-05-01")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    [InlineData("limit=1.5")]
    [InlineData("limit=")]
    [InlineData("limit=10&limit=20")]
    [InlineData("cursor=bm90LWEtY3Vyc29y")]
    [InlineData("cursor=")]
    [InlineData("cursor=%00")]
    public async Task BadQueryValue_Returns400Problem(string query)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Something to list");

        using var response = await browser.Api().GetAsync("/api/documents?" + query);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("limit=1")]
    [InlineData("limit=100")]
    [InlineData("sort=size&category=notes&owner=me&from=2000-01-01&to=2999-12-31")]
    public async Task ValuesAtTheEdges_AreAccepted(string query)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("Something to list", new Field("category", "notes"));

        var page = await browser.Api().GetJsonAsync("/api/documents?" + query);

        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [OnEachDatabase]
    public async Task TamperedCursor_Returns400(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        await browser.CreateNotesAsync(Enumerable.Range(1, 3).Select(i => $"Note number {i}"));

        var cursor = (await api.GetJsonAsync("/api/documents?limit=1")).Text("nextCursor");
        var bytes = WebEncoders.Base64UrlDecode(cursor);
        bytes[bytes.Length / 2] ^= 0x01;
        var tampered = WebEncoders.Base64UrlEncode(bytes);

        using var response = await api.GetAsync("/api/documents?limit=1&cursor=" + tampered);
        using var truncated = await api.GetAsync("/api/documents?limit=1&cursor=" + cursor[..^4]);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await truncated.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var genuine = await api.GetAsync("/api/documents?limit=1&cursor=" + cursor);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Theory]
    [InlineData("sort=title", "sort=-title")]
    [InlineData("sort=title", "sort=title&category=notes")]
    [InlineData("", "q=note")]
    [InlineData("q=note", "q=number")]
    [InlineData("owner=all", "owner=me")]
    [InlineData("", "from=2000-01-01")]
    [InlineData("", "tag=plans")]
    public async Task CursorFollowedWithOtherFilters_Returns400(string issuedFor, string usedWith)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        await browser.CreateNotesAsync(Enumerable.Range(1, 3).Select(i => $"Note number {i}"), new Field("category", "notes"), new Field("tags", "plans"));

        var cursor = (await api.GetJsonAsync($"/api/documents?limit=1&{issuedFor}")).Text("nextCursor");

        using var response = await api.GetAsync($"/api/documents?limit=1&{usedWith}&cursor={cursor}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var sameQuery = await api.GetAsync($"/api/documents?limit=1&{issuedFor}&cursor={cursor}");
        Assert.Equal(HttpStatusCode.OK, sameQuery.StatusCode);
    }
}
