using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §1, §2 and §4: the document rules hold for JSON as for forms. A refused create or change
/// answers a 400 validation problem whose `detail` is its first message and `errors` names the
/// field, and changes nothing.
/// </summary>
public sealed class DocumentValidationTests
{
    private const string ValidTitle = "A valid title";

    /// <summary>Invalid values, each for a create and for a change of an existing document.</summary>
    public static TheoryData<string, string, string> InvalidChanges => new()
    {
        { """{ "title": "   " }""", "title", "Title required" },
        { """{ "title": "ab" }""", "title", "Title must be at least 3 characters" },
        { $$"""{ "title": "{{new string('x', 101)}}" }""", "title", "Title too long" },
        { """{ "title": "Line\nbreak" }""", "title", "Title must not contain control characters" },
        { """{ "title": 42 }""", "title", "title must be a string" },
        { $$"""{ "title": "{{ValidTitle}}", "category": "Report" }""", "category", "Category must be one of report, invoice, contract, notes, other" },
        { $$"""{ "title": "{{ValidTitle}}", "category": "memo" }""", "category", "Category must be one of report, invoice, contract, notes, other" },
        { $$"""{ "title": "{{ValidTitle}}", "priority": "urgent" }""", "priority", "Priority must be one of low, normal, high" },
        { $$"""{ "title": "{{ValidTitle}}", "tags": ["ok", "not!ok"] }""", "tags", "Tag 'not!ok' is invalid: use 1–32 letters, digits, '-' or '_'" },
        { $$"""{ "title": "{{ValidTitle}}", "tags": ["{{new string('t', 33)}}"] }""", "tags", $"Tag '{new string('t', 33)}' is invalid: use 1–32 letters, digits, '-' or '_'" },
        { $$"""{ "title": "{{ValidTitle}}", "tags": ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"] }""", "tags", "At most 10 tags" },
        { $$"""{ "title": "{{ValidTitle}}", "tags": "one,two" }""", "tags", "tags must be an array of strings" },
        { $$"""{ "title": "{{ValidTitle}}", "description": "{{new string('d', 2001)}}" }""", "description", "Description too long (at most 2000 characters)" },
    };

    /// <summary>A create must name a title; a change may leave it out (and keep the current one).</summary>
    public static TheoryData<string, string, string> InvalidDocuments
    {
        get
        {
            var data = InvalidChanges;
            data.Add("""{ "description": "no title" }""", "title", "Title required");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task CreateWithAnInvalidField_Returns400NamingTheFieldAndCreatesNothing(string json, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().PostJsonAsync("/api/documents", Json(json));

        await response.AssertValidationProblemAsync(field, message);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public async Task PatchWithAnInvalidField_Returns400NamingTheFieldAndChangesNothing(string json, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.CreateNoteIdAsync("Original title", new Field("description", "Original text"), new Field("tags", "kept"));
        var before = Assert.Single(await app.DocumentsAsync());

        using var response = await api.PatchJsonAsync($"/api/documents/{id}", Json(json));

        await response.AssertValidationProblemAsync(field, message);
        var after = Assert.Single(await app.DocumentsAsync());
        Assert.Equal((before.Title, before.Description, before.Category, before.Priority, before.Version, before.UpdatedAt),
            (after.Title, after.Description, after.Category, after.Priority, after.Version, after.UpdatedAt));
        Assert.Equal(["kept"], after.Tags.Select(t => t.Tag));
    }

    [Theory]
    [OnEachDatabase]
    public async Task TitleTakenIgnoringCase_Returns400TitleAlreadyExists(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        await api.CreateNoteAsync(new { title = "Été plans" });
        var other = (await api.CreateNoteAsync(new { title = "Other plans" })).Id();

        using var created = await api.PostJsonAsync("/api/documents", new { title = "ÉTÉ PLANS" });
        using var renamed = await api.PatchJsonAsync($"/api/documents/{other}", new { title = "été plans" });

        await created.AssertValidationProblemAsync("title", "Title already exists");
        await renamed.AssertValidationProblemAsync("title", "Title already exists");
        Assert.Equal(["Été plans", "Other plans"], (await app.DocumentsAsync()).Select(d => d.Title));
    }

    [Theory]
    [OnEachDatabase]
    public async Task RenamingADocumentToItsOwnTitleInAnotherCase_IsNotADuplicate(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = (await api.CreateNoteAsync(new { title = "Budget draft" })).Id();

        using var response = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "BUDGET DRAFT" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("BUDGET DRAFT", (await response.JsonAsync()).Text("title"));
    }

    [Theory]
    [InlineData("""[{ "title": "In an array" }]""")]
    [InlineData("\"just a string\"")]
    public async Task BodyThatIsNotAnObject_Returns400AndCreatesNothing(string json)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().PostJsonAsync("/api/documents", Json(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [InlineData("{ \"title\": ")]
    [InlineData("not json at all")]
    public async Task MalformedJson_Returns400ProblemAndCreatesNothing(string body)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().PostJsonAsync("/api/documents", Json(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task BodyThatIsNotJson_Returns415Problem()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().PostJsonAsync("/api/documents", new FormUrlEncodedContent([new Field("title", "Sent as a form")]));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task MethodTheRouteDoesNotTake_Returns405Problem()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.CreateNoteIdAsync("Not replaceable");

        using var response = await api.SendAsync(ApiClient.Request(HttpMethod.Put, $"/api/documents/{id}", new { title = "Replaced" }));

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("Not replaceable", Assert.Single(await app.DocumentsAsync()).Title);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
