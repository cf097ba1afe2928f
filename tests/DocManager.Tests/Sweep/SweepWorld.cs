using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocManager.Data;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Tests.Sweep;

/// <summary>
/// What the sweep's requests act on: an owner (signed in) with a document shared with a viewer and an
/// unread notification, and an anonymous visitor; see <see cref="CataloguedRoute"/> for the placeholders.
/// It sends requests as the owner or the visitor, and reads back everything a request could change.
/// </summary>
public sealed class SweepWorld(
    TestApp app, TestApp? ownApp, Browser owner, string ownerToken, Browser visitor, string visitorToken, Dictionary<string, string> values)
    : IAsyncDisposable
{
    public TestApp App { get; } = app;

    /// <summary>A world in an app of its own on <paramref name="backend"/>.</summary>
    public static async Task<SweepWorld> StartAsync(Backend backend = Backend.Sqlite)
    {
        var app = await TestApp.StartAsync(backend);
        return await CreateAsync(app, ownApp: app);
    }

    /// <summary>A world of new users in an app that others share.</summary>
    public static Task<SweepWorld> CreateAsync(TestApp app) => CreateAsync(app, ownApp: null);

    private static async Task<SweepWorld> CreateAsync(TestApp app, TestApp? ownApp)
    {
        var owner = app.CreateBrowser();
        var ownerName = await owner.RegisterNewUserAsync();
        using var viewer = app.CreateBrowser();
        var viewerName = await viewer.RegisterNewUserAsync();
        var documentId = await owner.UploadDocumentAsync(Previews.PreviewSteps.RealPng("swept picture.png", 64, 48), new("title", "Swept report"), new("tags", "swept"));
        await owner.ShareDocumentAsync(documentId, viewerName);
        await viewer.ShareDocumentAsync(await viewer.CreateNoteIdAsync("A note for the owner"), ownerName);
        await app.WaitForJobsAsync();

        var ownerId = await app.UserIdAsync(ownerName);
        var version = await app.Instance.WithScopeAsync<AppDbContext, int>(db => db.Documents.Where(d => d.Id == documentId).Select(d => d.Version).SingleAsync());
        var visitor = app.CreateBrowser();
        var values = new Dictionary<string, string>
        {
            ["{id}"] = Number(documentId),
            ["{version}"] = Number(version),
            ["{page}"] = "1",
            ["{number}"] = "1",
            ["{userId}"] = Number(await app.UserIdAsync(viewerName)),
            ["{viewer}"] = viewerName,
            ["{owner}"] = ownerName,
            ["{password}"] = Uri.EscapeDataString(Browser.Password),
            ["{notification}"] = (await app.NotificationsAsync(ownerId)).Single(n => n.ReadAt is null).Id.ToString(CultureInfo.InvariantCulture),
            ["{asset}"] = "css/site.css",
            ["{path}"] = "no-such-file.txt",
            ["{documentName}"] = "v1",
            ["{code}"] = "404",
        };
        return new SweepWorld(app, ownApp, owner, await owner.Api().CsrfTokenAsync(), visitor, (await visitor.GetPageAsync("/login")).CsrfToken(), values);
    }

    /// <summary>The route's catalogued valid request, placeholders filled in.</summary>
    public SweepRequest Valid(CataloguedRoute route) =>
        new(route, route.Method, Fill(route.Template), Fill(route.Query), Fill(route.Fields), Fill(route.Json));

    public async Task<SweepAnswer> SendAsync(SweepRequest request)
    {
        var browser = request.Route.SignedIn ? owner : visitor;
        var token = request.Route.SignedIn ? ownerToken : visitorToken;
        var url = request.Path + (request.Query.Length > 0 ? "?" + request.Query : "");
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(url, UriKind.Relative));
        message.Content = await BodyAsync(request, token);
        if (request.Method is not ("GET" or "HEAD"))
        {
            // Scripts send the page's token in this header; forms carry it as a field as well.
            message.Headers.TryAddWithoutValidation(ApiClient.CsrfHeader, token);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await browser.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // The event stream never ends by itself: its headers are all a sweep needs.
        var body = mediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new SweepAnswer(
            (int)response.StatusCode, mediaType, Detail(mediaType, body),
            response.Headers.AcceptRanges.FirstOrDefault(), response.Headers.ETag?.ToString(), response.Content.Headers.ContentLength);
    }

    /// <summary>
    /// Everything a request of the sweep could change, one line per row: users and their usage, documents
    /// and their tags, shares, notifications read or not, sessions, and the stored files.
    /// </summary>
    public async Task<string> StateAsync()
    {
        var rows = await App.Instance.WithScopeAsync<AppDbContext, List<string>>(async db =>
        [
            .. (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync()).Select(u =>
                $"user {u.Id} {u.UserName} {u.Email} {u.PasswordHash} used={u.StorageUsed} count={u.DocumentCount}"),
            .. (await db.Documents.AsNoTracking().Include(d => d.Tags).OrderBy(d => d.Id).ToListAsync()).Select(d =>
                $"document {d.Id} owner={d.OwnerId} {d.Title}|{d.Description}|{d.Category}|{d.Priority}|{string.Join(',', d.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal))} v{d.Version} {d.StoredName}"),
            .. (await db.Shares.AsNoTracking().OrderBy(s => s.DocumentId).ThenBy(s => s.UserId).ToListAsync()).Select(s => $"share {s.DocumentId} with {s.UserId}"),
            .. (await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync()).Select(n => $"notification {n.Id} for {n.UserId} read={n.ReadAt is not null}"),
            .. (await db.Sessions.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.UserId }).ToListAsync()).Select(s => $"session {s.Id} of {s.UserId}"),
        ]);
        rows.AddRange(App.StoredFiles().Order(StringComparer.Ordinal).Select(f => "file " + Path.GetRelativePath(App.FilesRoot(), f)));
        return string.Join('\n', rows);
    }

    public async ValueTask DisposeAsync()
    {
        owner.Dispose();
        visitor.Dispose();
        if (ownApp is not null)
        {
            await ownApp.DisposeAsync();
        }
    }

    private string Fill(string text)
    {
        foreach (var (placeholder, value) in values)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text.Replace("{newUser}", Browser.NewUserName(), StringComparison.Ordinal);
    }

    /// <summary>The body of a form request as the page's form sends it: its anti-forgery field, then the fields.</summary>
    public byte[] FormBody(SweepRequest request) => FormBody(request.Fields, request.Route.SignedIn ? ownerToken : visitorToken);

    private static byte[] FormBody(string fields, string token) =>
        Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token)}{(fields.Length > 0 ? "&" : "")}{fields}");

    private static async Task<HttpContent?> BodyAsync(SweepRequest request, string token)
    {
        var (bytes, contentType) = request.Route.Body switch
        {
            BodyKind.Form => (FormBody(request.Fields, token), "application/x-www-form-urlencoded"),
            BodyKind.Json => (Encoding.UTF8.GetBytes(request.Json), "application/json"),
            BodyKind.Multipart => await MultipartAsync(request.Fields, token),
            _ => ((byte[]?)null, (string?)null),
        };
        bytes = request.RawBody ?? bytes;
        if (bytes is null)
        {
            return null;
        }

        HttpContent content = request.Chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        var type = request.ContentType ?? contentType;
        if (!string.IsNullOrEmpty(type))
        {
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return content;
    }

    private static async Task<(byte[]?, string?)> MultipartAsync(string fields, string token)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in SweepRequest.Pairs(fields))
        {
            content.Add(new StringContent(Uri.UnescapeDataString(value.Replace('+', ' '))), name);
        }

        content.Add(TestFile.Text("swept.txt", "Sent by the sweep\n").ToContent(), "file", "swept.txt");
        return (await content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), content.Headers.ContentType!.ToString());
    }

    /// <summary>The problem's `detail`, or the message of an error page.</summary>
    private static string? Detail(string? mediaType, string body)
    {
        if (mediaType == "application/problem+json")
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }

        return mediaType == "text/html" ? Browser.Parse(body).QuerySelector(".error-page .error-explanation")?.TextContent.Trim() : null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hides its length, so the body is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
