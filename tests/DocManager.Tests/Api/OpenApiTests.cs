using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Api;

/// <summary>SPEC §4: `/openapi/v1.json` describes the JSON API for outside clients.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_IsServedAsJson_AndDescribesEveryApiRoute()
    {
        await using var app = await TestApp.StartAsync();
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.JsonAsync();
        Assert.StartsWith("3.", document.Text("openapi"), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        (string Path, string Method)[] routes =
        [
            ("/api/me", "get"), ("/api/documents", "get"), ("/api/documents", "post"), ("/api/documents/{id}", "get"),
            ("/api/documents/{id}", "patch"), ("/api/documents/{id}", "delete"), ("/api/files", "post"), ("/api/suggest", "get"),
            ("/api/notifications", "get"), ("/api/notifications/read", "post"), ("/api/notifications/stream", "get"),
        ];
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not described");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not described");
            Assert.Equal(JsonValueKind.Object, operation.ValueKind);
        }
    }
}
