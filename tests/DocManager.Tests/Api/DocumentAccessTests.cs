using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4 and §7: a document that does not exist and one the user may not see answer the same 404
/// problem apart from the id; a viewer it is shared with may read it but gets 403 on changes.
/// </summary>
public sealed partial class DocumentAccessTests
{
    public static TheoryData<Backend, string> BackendsAndMethods => Backends.OnEachDatabaseWith(["GET", "PATCH", "DELETE"]);

    [Theory]
    [MemberData(nameof(BackendsAndMethods))]
    public async Task AnotherUsersDocument_AnswersTheSame404AsAMissingOne(Backend backend, string method)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var hidden = await owner.UploadDocumentAsync(TestFile.Pdf(), new Field("title", "Private letter"));
        var missing = hidden + 1000;
        var api = stranger.Api();

        using var forHidden = await SendAsync(api, method, hidden);
        using var forMissing = await SendAsync(api, method, missing);

        var hiddenProblem = await forHidden.AssertProblemAsync(HttpStatusCode.NotFound);
        var missingProblem = await forMissing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(WithoutId(missingProblem, missing), WithoutId(hiddenProblem, hidden));
        Assert.DoesNotContain("Private letter", hiddenProblem.ToString(), StringComparison.Ordinal);
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("Private letter", 1), (stored.Title, stored.Version));
        Assert.Single(app.StoredFiles());
    }

    [Theory]
    [OnEachDatabase]
    public async Task Viewer_MayReadButGets403OnPatchAndDelete(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Pdf(), new Field("title", "Shared report"));
        await owner.ShareDocumentAsync(id, viewer);
        var api = viewer.Api();
        var (_, etag) = await api.GetDocumentAsync(id);

        using var patch = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "Taken over" });
        using var patchWithETag = await api.PatchJsonAsync($"/api/documents/{id}", new { title = "Taken over" }, etag);
        using var delete = await api.DeleteAsync($"/api/documents/{id}");

        await patch.AssertProblemAsync(HttpStatusCode.Forbidden);
        await patchWithETag.AssertProblemAsync(HttpStatusCode.Forbidden);
        await delete.AssertProblemAsync(HttpStatusCode.Forbidden);
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("Shared report", 1), (stored.Title, stored.Version));
        Assert.Single(app.StoredFiles());
        Assert.Equal("Shared report", (await api.GetJsonAsync($"/api/documents/{id}")).Text("title"));
    }

    [Fact]
    public async Task IdThatIsNotANumber_Answers404Problem()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().GetAsync("/api/documents/abc");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> SendAsync(ApiClient api, string method, int id) => method switch
    {
        "GET" => api.GetAsync($"/api/documents/{id}"),
        "PATCH" => api.PatchJsonAsync($"/api/documents/{id}", new { title = "Changed by a stranger" }),
        _ => api.DeleteAsync($"/api/documents/{id}"),
    };

    /// <summary>The problem as text with the id written out as `{id}`, and without the per-request trace id.</summary>
    private static string WithoutId(JsonElement problem, int id)
    {
        var fields = problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}");
        return IdPattern().Replace(string.Join("\n", fields), m => m.Value == id.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "{id}" : m.Value);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex IdPattern();
}
