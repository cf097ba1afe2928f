using System.Text.RegularExpressions;
using DocManager.Tests.Infrastructure;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// One person in their own browser context (own cookies), on one tab. Helpers do what that person
/// does — open a page, fill a form found by its labels, press its button — and wait for the page
/// the server answers with. Any dialog (alert, confirm, prompt) is recorded and dismissed, so a test
/// can fail on script that should never have run.
/// </summary>
public sealed class Visitor : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly List<string> _dialogs = [];
    private readonly List<string> _consoleErrors = [];
    private string? _userName;

    private Visitor(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The message of every dialog any page of this context opened.</summary>
    public IReadOnlyList<string> Dialogs => _dialogs;

    /// <summary>Script errors and console errors (a CSP violation, a failed load) in any page of this context.</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>The account this person signed up for (<see cref="SignUpAsync"/>) or signed in to.</summary>
    public string UserName
    {
        get => _userName ?? throw new InvalidOperationException("This visitor has neither signed up nor signed in.");
        internal set => _userName = value;
    }

    internal static async Task<Visitor> OpenAsync(IBrowserContext context)
    {
        // Generous for a loaded 2-core machine, far shorter than the 30 s default that would hide a hang.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        var visitor = new Visitor(context, page);
        visitor.Watch(page);
        context.Page += (_, popup) => visitor.Watch(popup);
        return visitor;
    }

    /// <summary>Opens a page (following redirects), which must answer 200.</summary>
    public async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"GET {path} answered {response.Status} ({Page.Url})");
    }

    /// <summary>The path (and query) of the page now shown.</summary>
    public string CurrentPath => new Uri(Page.Url).PathAndQuery;

    /// <summary>
    /// Waits until the browser shows a page whose path is <paramref name="path"/>, or matches it. If it
    /// never does, the failure says which page it shows instead and what that page says (a form's
    /// error, an alert), not only that the wait ran out.
    /// </summary>
    public Task WaitForPathAsync(string path) => WaitForPathAsync(path, url => new Uri(url).AbsolutePath == path);

    public Task WaitForPathAsync(Regex path) => WaitForPathAsync(path.ToString(), url => path.IsMatch(new Uri(url).AbsolutePath));

    /// <summary>
    /// Where the browser is and what the page tells the user: its path, title and heading, and the
    /// text of its alerts and of the error messages beside its fields.
    /// </summary>
    public async Task<string> DescribePageAsync()
    {
        try
        {
            return await Page.EvaluateAsync<string>("""
                () => {
                  const text = element => element.textContent.trim().replace(/\s+/g, ' ');
                  const heading = document.querySelector('h1');
                  const said = [...document.querySelectorAll('[role=alert], [role=status], [id$="-error"]')].map(text).filter(t => t.length > 0);
                  return `${location.pathname}${location.search} (“${document.title}”` + (heading ? `, heading “${text(heading)}”` : '') + ')'
                    + (said.length > 0 ? `, which says: ${said.join(' | ')}` : '');
                }
                """);
        }
        catch (PlaywrightException e)
        {
            return $"{CurrentPath} (the page could not be read: {e.Message})";
        }
    }

    /// <summary>Creates an account through /register (which signs in and shows /documents).</summary>
    public async Task<string> SignUpAsync(string? userName = null)
    {
        userName ??= "user_" + Guid.NewGuid().ToString("N")[..10];
        await OpenAsync("/register");
        await Page.GetByLabel("Username").FillAsync(userName);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await Page.GetByLabel("Confirm password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await WaitForPathAsync("/documents");
        UserName = userName;
        return userName;
    }

    /// <summary>Uploads files in one submission of the /upload form; the fields are filled by their labels.</summary>
    public async Task UploadAsync(IEnumerable<TestFile> files, string? title = null, string? description = null,
        string? category = null, string? tags = null, string? priority = null)
    {
        await OpenAsync("/upload");
        await Page.GetByLabel("Files").SetInputFilesAsync(files.Select(file => new FilePayload
        {
            Name = file.Name,
            MimeType = file.ClaimedType,
            Buffer = file.Content,
        }));
        await FillDocumentFieldsAsync(title, description, category, tags, priority);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        // Without scripts the form posts, and the server answers with the new document (or the list,
        // for several). Scripts send the files themselves, with progress shown, and then go to the
        // same place: either way the upload is done when that page is shown.
        await WaitForPathAsync(new Regex(@"^/documents(/\d+)?$"));
    }

    /// <summary>Opens a document's details page from the list, through the link that is its title.</summary>
    public async Task OpenDocumentAsync(string title)
    {
        await OpenAsync("/documents");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await WaitForPathAsync(new Regex(@"^/documents/\d+$"));
    }

    /// <summary>Writes a note through /documents/new and waits for its details page.</summary>
    public async Task CreateNoteAsync(string title, string? description = null, string? category = null, string? tags = null, string? priority = null)
    {
        await OpenAsync("/documents/new");
        await FillDocumentFieldsAsync(title, description, category, tags, priority);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await WaitForPathAsync(new Regex(@"^/documents/\d+$"));
    }

    /// <summary>Fills the fields that the upload, new-note and edit forms share; null leaves a field as it is.</summary>
    public async Task FillDocumentFieldsAsync(string? title = null, string? description = null, string? category = null,
        string? tags = null, string? priority = null)
    {
        if (title is not null)
        {
            await Page.GetByLabel("Title").FillAsync(title);
        }

        if (description is not null)
        {
            await Page.GetByLabel("Description").FillAsync(description);
        }

        if (category is not null)
        {
            await Page.GetByLabel("Category").SelectOptionAsync(category);
        }

        if (priority is not null)
        {
            await Page.GetByLabel("Priority").SelectOptionAsync(priority);
        }

        if (tags is not null)
        {
            await Page.GetByLabel("Tags").FillAsync(tags);
        }
    }

    /// <summary>Presses "Sign out" in the page header and waits for the sign-in page.</summary>
    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await WaitForPathAsync("/login");
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private async Task WaitForPathAsync(string expected, Func<string, bool> matches)
    {
        try
        {
            // The address is what is waited for; what the page then shows is waited for by the locators
            // that read it. Waiting for the load event (every subresource) made a wait flaky: it could time out on a
            // page whose address already matched.
            await Page.WaitForURLAsync(matches, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Expected the page {expected}, but the browser shows {await DescribePageAsync()}");
        }
    }

    private void Watch(IPage page)
    {
        page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add("uncaught: " + error);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
    }
}
