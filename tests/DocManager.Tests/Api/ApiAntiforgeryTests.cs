using System.Net;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4: the API is authenticated by the session cookie, which a browser also sends with a
/// request another site forges. So every unsafe method needs the page's token in `X-CSRF-TOKEN`;
/// without it, or with a wrong one, the answer is 400 (or 403) and nothing changes.
/// </summary>
public sealed class ApiAntiforgeryTests
{
    public static TheoryData<string, string> ForgedRequests
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in Operations)
            {
                foreach (var token in new[] { "none", "empty", "garbage", "another user's" })
                {
                    data.Add(operation, token);
                }
            }

            return data;
        }
    }

    private static readonly string[] Operations =
        ["create note", "patch document", "delete document", "upload files", "mark notifications read"];

    [Theory]
    [MemberData(nameof(ForgedRequests))]
    public async Task UnsafeMethod_WithoutTheRightToken_IsRefusedAndChangesNothing(string operation, string token)
    {
        await using var app = await TestApp.StartAsync();
        using var scene = await Scene.SetUpAsync(app);
        var before = await scene.SnapshotAsync();
        var sent = token switch
        {
            "none" => null,
            "empty" => "",
            "garbage" => "CfDJ8-not-a-real-token",
            _ => await scene.OtherUser.Api().CsrfTokenAsync(),
        };

        using var response = await scene.User.Api().SendAsync(scene.Request(operation), sent);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden,
            $"{operation} with {token} token answered {(int)response.StatusCode}");
        await response.AssertProblemAsync(response.StatusCode);
        Assert.Equal(before, await scene.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task UnsafeMethod_WithThePagesToken_Works(string operation)
    {
        await using var app = await TestApp.StartAsync();
        using var scene = await Scene.SetUpAsync(app);
        var before = await scene.SnapshotAsync();

        using var response = await scene.User.Api().SendAsync(scene.Request(operation));

        Assert.True(response.IsSuccessStatusCode, $"{operation} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.NotEqual(before, await scene.SnapshotAsync());
    }

    [Fact]
    public async Task TokenInAFormFieldInsteadOfTheHeader_IsNotEnough()
    {
        await using var app = await TestApp.StartAsync();
        using var scene = await Scene.SetUpAsync(app);
        var before = await scene.SnapshotAsync();
        var token = await scene.User.Api().CsrfTokenAsync();
        var content = ApiClient.Multipart([TestFile.Png()]);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var part in content)
        {
            form.Add(part);
        }

        using var response = await scene.User.Api().SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/api/files", UriKind.Relative)) { Content = form }, null);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"answered {(int)response.StatusCode}");
        Assert.Equal(before, await scene.SnapshotAsync());
    }

    public static TheoryData<string> OperationNames => new(Operations);

    /// <summary>
    /// A user who owns a document with a file and has an unread notification (another user shared a
    /// document with them): every unsafe API call has something to change.
    /// </summary>
    private sealed record Scene(TestApp App, Browser User, Browser OtherUser, int UserId, int DocumentId) : IDisposable
    {
        public static async Task<Scene> SetUpAsync(TestApp app)
        {
            var user = await app.NewUserAsync();
            var other = await app.NewUserAsync();
            var documentId = await user.UploadDocumentAsync(TestFile.Pdf(), new Field("title", "Owned report"));
            await other.ShareNewNoteAsync("Shared with the user", user);
            return new Scene(app, user, other, await app.UserIdAsync(user), documentId);
        }

        public HttpRequestMessage Request(string operation) => operation switch
        {
            "create note" => ApiClient.Request(HttpMethod.Post, "/api/documents", new { title = "Forged note" }),
            "patch document" => ApiClient.Request(HttpMethod.Patch, $"/api/documents/{DocumentId}", new { title = "Forged title" }),
            "delete document" => ApiClient.Request(HttpMethod.Delete, $"/api/documents/{DocumentId}"),
            "upload files" => new HttpRequestMessage(HttpMethod.Post, new Uri("/api/files", UriKind.Relative)) { Content = ApiClient.Multipart([TestFile.Png("forged.png")]) },
            "mark notifications read" => ApiClient.Request(HttpMethod.Post, "/api/notifications/read", new { all = true }),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        /// <summary>Everything a forged request could change: rows (with titles and versions), stored files, read marks.</summary>
        public async Task<string> SnapshotAsync()
        {
            var documents = (await App.DocumentsAsync()).Select(d => $"{d.Id}:{d.Title}:{d.Version}:{d.OwnerId}");
            var notifications = (await App.NotificationsAsync(UserId)).Select(n => $"{n.Id}:{n.ReadAt is null}");
            return string.Join(" | ", documents) + " / " + string.Join(",", App.StoredFiles().Order(StringComparer.Ordinal)) + " / " + string.Join(" | ", notifications);
        }

        public void Dispose()
        {
            User.Dispose();
            OtherUser.Dispose();
        }
    }
}
