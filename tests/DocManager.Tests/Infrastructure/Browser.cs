using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DocManager.Sessions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// What a user's browser does, without JavaScript: keeps cookies, loads pages, fills in the
/// real forms (anti-forgery token included) and submits them. Redirects are not followed, so
/// tests can assert on them.
/// </summary>
public sealed class Browser : IDisposable
{
    public static readonly Uri BaseAddress = new("https://localhost/");
    public const string Password = "correct horse battery";

    private static readonly HtmlParser Parser = new();

    private string? _userName;

    public Browser(DocManagerFactory factory, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        Http = factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(Cookies));
    }

    /// <summary>
    /// A browser talking real HTTP to a server at <paramref name="baseAddress"/> (an app process or a load
    /// balancer), optionally connecting from another loopback address (127.0.0.2, …) so that servers
    /// see it as a different client.
    /// </summary>
    public Browser(Uri baseAddress, CookieContainer? cookies = null, IPAddress? clientAddress = null)
    {
        Cookies = cookies ?? new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        if (clientAddress is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(clientAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(clientAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        Http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>The session cookie's value, as an attacker who copied it would hold it.</summary>
    public string? SessionCookie => Cookies.GetCookies(Http.BaseAddress ?? BaseAddress)[SessionsSetup.CookieName]?.Value;

    /// <summary>
    /// The account this browser created (<see cref="RegisterNewUserAsync"/>) or signed in to
    /// (<see cref="SignInAsUserAsync"/>), for the steps and checks that name its user.
    /// </summary>
    public string UserName => _userName ?? throw new InvalidOperationException("This browser has neither registered an account nor signed in to one.");

    public static string NewUserName() => "user_" + Guid.NewGuid().ToString("N")[..10];

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>Loads a page that must answer 200, parsed.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await response.ReadHtmlAsync();
    }

    /// <summary>Opens <paramref name="pageUrl"/>, fills the form posting to <paramref name="formAction"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formAction, IEnumerable<KeyValuePair<string, string>>? values = null, int formIndex = 0)
    {
        var page = await GetPageAsync(pageUrl);
        var form = page.Forms.Where(f => f.GetAttribute("action") == formAction).ElementAtOrDefault(formIndex)
            ?? throw new InvalidOperationException($"{pageUrl} has no form posting to {formAction}");
        return await SubmitAsync(form, values);
    }

    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        var fields = FormFields(form);
        foreach (var (name, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
        }

        fields.AddRange(values ?? []);
        return PostFormAsync(form.GetAttribute("action")!, fields);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> RegisterAsync(string userName, string password = Password) =>
        SubmitAsync("/register", "/register", [new("username", userName), new("password", password), new("confirmPassword", password)]);

    public Task<HttpResponseMessage> SignInAsync(string userName, string password = Password, bool rememberMe = false) =>
        SubmitAsync("/login", "/login", [new("username", userName), new("password", password), new("rememberMe", rememberMe ? "true" : "false")]);

    public Task<HttpResponseMessage> SignOutAsync() => SubmitAsync("/settings", "/logout");

    /// <summary>Registers a new account (which signs this browser in) and returns its name, which is then <see cref="UserName"/>.</summary>
    public async Task<string> RegisterNewUserAsync()
    {
        var userName = NewUserName();
        using var response = await RegisterAsync(userName);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        _userName = userName;
        return userName;
    }

    /// <summary>Signs in to an existing account, which must succeed; <see cref="UserName"/> is then that account.</summary>
    public async Task SignInAsUserAsync(string userName, bool rememberMe = false)
    {
        using var response = await SignInAsync(userName, rememberMe: rememberMe);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"signing in as {userName} answered {(int)response.StatusCode}");
        _userName = userName;
    }

    /// <summary>
    /// Puts a session cookie with this value in this browser's jar, as an attacker who copied (or
    /// planted) one would; returns the browser.
    /// </summary>
    public Browser WithSessionCookie(string value)
    {
        Cookies.Add(Http.BaseAddress ?? BaseAddress, new System.Net.Cookie(SessionsSetup.CookieName, value));
        return this;
    }

    /// <summary>The anti-forgery token that <paramref name="pageUrl"/> puts in its form posting to <paramref name="formAction"/>.</summary>
    public async Task<string> FormTokenAsync(string pageUrl, string formAction) => (await GetPageAsync(pageUrl)).FormToken(formAction);

    /// <summary>
    /// Uploads files as the upload page's form does: anti-forgery token first, then the fields, then
    /// the files (as `file` parts with the given names).
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(IEnumerable<TestFile> files, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var token = await FormTokenAsync("/upload", "/upload");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields ?? [])
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            if (file.Name.Length == 0)
            {
                // An empty file input: browsers send the part with an empty file name and no bytes.
                var empty = file.ToContent();
                empty.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"\"" };
                content.Add(empty);
            }
            else
            {
                content.Add(file.ToContent(), "file", file.Name);
            }
        }

        return await Http.PostAsync(new Uri("/upload", UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> UploadAsync(TestFile file, params KeyValuePair<string, string>[] fields) => UploadAsync([file], fields);

    /// <summary>Uploads one file, which must succeed, and returns the new document's id.</summary>
    public async Task<int> UploadDocumentAsync(TestFile file, params KeyValuePair<string, string>[] fields)
    {
        using var response = await UploadAsync([file], fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"upload of {file.Name} answered {(int)response.StatusCode}");
        return int.Parse(response.Headers.Location!.OriginalString["/documents/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<HttpResponseMessage> CreateNoteAsync(string title, params KeyValuePair<string, string>[] fields) =>
        SubmitAsync("/documents/new", "/documents/new", [new("title", title), .. fields]);

    /// <summary>Creates a note, which must succeed, and returns its id.</summary>
    public async Task<int> CreateNoteIdAsync(string title, params KeyValuePair<string, string>[] fields)
    {
        using var response = await CreateNoteAsync(title, fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"creating note '{title}' answered {(int)response.StatusCode}");
        return int.Parse(response.Headers.Location!.OriginalString["/documents/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the page's own token with the given fields to a URL (for routes whose form is elsewhere).</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string url, params KeyValuePair<string, string>[] fields)
    {
        var token = (await GetPageAsync("/settings")).CsrfToken();
        Assert.False(string.IsNullOrEmpty(token), "/settings carries no <meta name=\"csrf-token\">");
        return await PostFormAsync(url, [new("__RequestVerificationToken", token), .. fields]);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public void Dispose() => Http.Dispose();

    private static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input
                    when input.Type is not ("submit" or "button" or "file") && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        return fields;
    }
}

public static class HtmlResponses
{
    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        Browser.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The messages shown beside a form field.</summary>
    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.GetElementById(field + "-error")?.TextContent.Trim();

    /// <summary>The hidden anti-forgery field of the page's form posting to <paramref name="formAction"/>, which must be there.</summary>
    public static string FormToken(this IHtmlDocument page, string formAction)
    {
        var field = page.QuerySelector<IHtmlInputElement>($"form[action='{formAction}'] input[name=__RequestVerificationToken]");
        Assert.True(field is not null, $"the page has no form posting to {formAction} with an anti-forgery field");
        return field.Value;
    }

    /// <summary>The token a page offers its scripts in <c>&lt;meta name="csrf-token"&gt;</c>, or "" when it has none.</summary>
    public static string CsrfToken(this IHtmlDocument page) =>
        page.QuerySelector<IHtmlMetaElement>("meta[name=csrf-token]")?.Content ?? "";
}
