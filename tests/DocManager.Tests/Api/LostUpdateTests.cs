using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Api;

/// <summary>
/// Issue 5, point 1: no lost updates. Document JSON carries an `ETag`; `PATCH` or `DELETE` with a
/// stale `If-Match` answers 412 and changes nothing; the HTML edit form carries the version it was
/// loaded with, so a save from an older copy is refused (409) with a clear message.
/// </summary>
public sealed class LostUpdateTests
{
    [Theory]
    [OnEachDatabase]
    public async Task ETag_IsSentWithTheDocument_AndChangesWithEachChange(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        using var created = await api.PostJsonAsync("/api/documents", new { title = "Versioned note" });
        var id = (await created.JsonAsync()).Id();
        var (_, first) = await api.GetDocumentAsync(id);

        using var patched = await api.PatchJsonAsync($"/api/documents/{id}", new { description = "changed" });
        var (_, second) = await api.GetDocumentAsync(id);
        await browser.EditDocumentAsync(id, new Field("description", "changed in the form"));
        var (_, third) = await api.GetDocumentAsync(id);

        Assert.Equal(first, created.Headers.ETag?.ToString());
        Assert.Equal(second, patched.Headers.ETag?.ToString());
        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(third, (await api.GetDocumentAsync(id)).ETag); // reading changes nothing
    }

    [Theory]
    [OnEachDatabase]
    public async Task Patch_WithAStaleIfMatch_Returns412AndChangesNothing(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.CreateNoteIdAsync("Shared plan");
        var (_, stale) = await api.GetDocumentAsync(id);
        using (var meanwhile = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "Someone else's plan" }, stale))
        {
            Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        }

        var before = Assert.Single(await app.DocumentsAsync());

        using var response = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "My plan", description = "mine" }, stale);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var after = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("Someone else's plan", "", before.Version, before.UpdatedAt), (after.Title, after.Description, after.Version, after.UpdatedAt));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Delete_WithAStaleIfMatch_Returns412AndKeepsTheDocument(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var file = TestFile.Pdf();
        var id = await browser.UploadDocumentAsync(file);
        var (_, stale) = await api.GetDocumentAsync(id);
        await browser.EditDocumentAsync(id, new Field("title", "Edited since"));

        using var response = await api.DeleteAsync($"/api/documents/{id}", stale);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Edited since", Assert.Single(await app.DocumentsAsync()).Title);
        Assert.Single(app.StoredFiles());
        Assert.Equal((file.Content.LongLength, 1), await app.UsageAsync(browser.UserName));
    }

    [Theory]
    [OnEachDatabase]
    public async Task PatchAndDelete_WithTheCurrentIfMatch_Work(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf());
        var (_, current) = await api.GetDocumentAsync(id);

        using var patched = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "Checked change" }, current);
        var newer = patched.Headers.ETag?.ToString();
        using var deleted = await api.DeleteAsync($"/api/documents/{id}", newer);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Checked change", (await patched.JsonAsync()).Text("title"));
        Assert.False(string.IsNullOrEmpty(newer));
        Assert.NotEqual(current, newer);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [OnEachDatabase]
    public async Task ConcurrentPatches_WithTheSameIfMatch_OnlyOneWins(Backend backend)
    {
        // GIVEN five clients that all read the same version
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.CreateNoteIdAsync("Contended note");
        var (_, etag) = await api.GetDocumentAsync(id);
        await api.CsrfTokenAsync();

        // WHEN they all save at once, each believing it has the latest version
        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            api.PatchJsonAsync($"/api/documents/{id}", new { title = $"Contender {i}", description = $"by {i}" }, etag)));

        // THEN exactly one save is applied, whole, and the others are told they were too late
        try
        {
            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
            var stored = Assert.Single(await app.DocumentsAsync());
            var title = (await winner.JsonAsync()).Text("title");
            Assert.Equal((title, "by " + title["Contender ".Length..], 2), (stored.Title, stored.Description, stored.Version));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"0-0\", CURRENT")]
    public async Task IfMatch_AcceptsAnyOrAListHoldingTheCurrentETag(string ifMatch)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.CreateNoteIdAsync("Listed note");
        var (_, current) = await api.GetDocumentAsync(id);

        using var response = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "Listed change" }, ifMatch.Replace("CURRENT", current, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [OnEachDatabase]
    public async Task EditForm_SavedFromAStaleCopy_IsRefusedWith409_AndTheFirstSaveIsKept(Backend backend)
    {
        // GIVEN the owner has the edit form open in two browsers
        await using var app = await TestApp.StartAsync(backend);
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        var id = await laptop.CreateNoteIdAsync("Meeting notes", new Field("description", "Draft"));
        var laptopForm = EditForm(await laptop.GetPageAsync($"/documents/{id}/edit"), id);
        var phoneForm = EditForm(await phone.GetPageAsync($"/documents/{id}/edit"), id);

        // WHEN the laptop saves first, then the phone saves its older copy
        using var first = await laptop.SubmitAsync(laptopForm, [new Field("description", "Laptop's final text")]);
        using var second = await phone.SubmitAsync(phoneForm, [new Field("title", "Phone's title"), new Field("description", "Phone's text")]);

        // THEN the phone is told, the laptop's save stands, and the phone's input is kept to retry
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.ReadHtmlAsync();
        Assert.Contains("changed by someone else", page.FieldError("version"), StringComparison.Ordinal);
        Assert.Equal("Phone's title", page.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.NotNull(page.QuerySelector($"a[href='/documents/{id}/edit']"));
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("Meeting notes", "Laptop's final text"), (stored.Title, stored.Description));

        // AND a reload shows the current version, which then saves
        await phone.EditDocumentAsync(id, new Field("title", "Phone's title"));
        var saved = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("Phone's title", "Laptop's final text"), (saved.Title, saved.Description));
    }

    [Theory]
    [OnEachDatabase]
    public async Task EditForm_LoadedBeforeAnApiChange_IsRefused(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Inline edited");
        var form = EditForm(await browser.GetPageAsync($"/documents/{id}/edit"), id);
        using (var inline = await browser.Api().PatchJsonAsync($"/api/documents/{id}", new { title = "Renamed inline" }))
        {
            Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        }

        using var response = await browser.SubmitAsync(form, [new Field("description", "Saved from the old form")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("Renamed inline", ""), (stored.Title, stored.Description));
    }

    private static IHtmlFormElement EditForm(IHtmlDocument page, int id)
    {
        var form = page.Forms.Single(f => f.GetAttribute("action") == $"/documents/{id}/edit");
        Assert.NotNull(form.QuerySelector<IHtmlInputElement>("input[type=hidden][name=version]"));
        return form;
    }
}
