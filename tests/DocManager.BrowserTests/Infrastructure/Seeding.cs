using System.Text.Json;
using System.Text.RegularExpressions;
using DocManager.Tests.Infrastructure;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// Quick ways for a <see cref="Visitor"/> to set up what a test needs: many notes at once through the
/// app's own JSON API (called from the visitor's page, with its cookie and the page's anti-forgery
/// token, as the app's scripts call it), a second sign-in of the same person, and sharing.
/// </summary>
public static class Seeding
{
    /// <summary>
    /// Creates notes one after another (so each is newer than the one before) with
    /// <c>POST /api/documents</c>; answers their ids in the same order.
    /// </summary>
    public static async Task<IReadOnlyList<int>> AddNotesAsync(this Visitor visitor, IEnumerable<string> titles, string description = "")
    {
        await EnsureOnSiteAsync(visitor);
        var ids = await visitor.Page.EvaluateAsync<int[]>("""
            async ({ titles, description }) => {
              const token = document.querySelector('meta[name="csrf-token"]').content;
              const ids = [];
              for (const title of titles) {
                const response = await fetch('/api/documents', {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token },
                  body: JSON.stringify({ title, description }),
                });
                if (response.status !== 201) throw new Error(`POST /api/documents "${title}": ${response.status} ${await response.text()}`);
                ids.push((await response.json()).id);
              }
              return ids;
            }
            """, new { titles = titles.ToArray(), description });
        return ids;
    }

    public static async Task<int> AddNoteAsync(this Visitor visitor, string title, string description) =>
        (await visitor.AddNotesAsync([title], description))[0];

    /// <summary>Uploads one text file with <c>POST /api/files</c> under the given file name; answers its id.</summary>
    public static Task<int> UploadTextAsync(this Visitor visitor, string fileName, string text, string title) =>
        visitor.UploadThroughApiAsync(TestFile.Text(fileName, text), title);

    /// <summary>
    /// Uploads one file with <c>POST /api/files</c>, from the page shown (as the app's own scripts send
    /// files), and answers its id. The visitor stays on the page they were on.
    /// </summary>
    public static async Task<int> UploadThroughApiAsync(this Visitor visitor, TestFile file, string title)
    {
        await EnsureOnSiteAsync(visitor);
        return await visitor.Page.EvaluateAsync<int>("""
            async ({ name, type, base64, title }) => {
              const form = new FormData();
              form.append('file', new File([Uint8Array.from(atob(base64), c => c.charCodeAt(0))], name, { type }));
              form.append('title', title);
              const response = await fetch('/api/files', {
                method: 'POST',
                headers: { 'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]').content },
                body: form,
              });
              if (response.status !== 201) throw new Error(`POST /api/files: ${response.status} ${await response.text()}`);
              return (await response.json()).items[0].id;
            }
            """, new { name = file.Name, type = file.ClaimedType, base64 = Convert.ToBase64String(file.Content), title });
    }

    /// <summary>Changes a document's title with <c>PATCH /api/documents/{id}</c>; answers the status.</summary>
    public static async Task<int> RenameThroughApiAsync(this Visitor visitor, int id, string title)
    {
        await EnsureOnSiteAsync(visitor);
        return await visitor.Page.EvaluateAsync<int>("""
            async ({ id, title }) => (await fetch(`/api/documents/${id}`, {
              method: 'PATCH',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]').content },
              body: JSON.stringify({ title }),
            })).status
            """, new { id, title });
    }

    /// <summary>The current title of a document, as the API gives it to this visitor.</summary>
    public static async Task<string> TitleOfAsync(this Visitor visitor, int id)
    {
        await EnsureOnSiteAsync(visitor);
        var document = await visitor.Page.EvaluateAsync<JsonElement>(
            "async (id) => (await fetch(`/api/documents/${id}`, { headers: { Accept: 'application/json' } })).json()", id);
        return document.GetProperty("title").GetString()!;
    }

    /// <summary>Signs in through /login as someone who already has an account (a second browser of theirs).</summary>
    public static async Task SignInAsync(this Visitor visitor, string userName)
    {
        await visitor.OpenAsync("/login");
        await visitor.Page.GetByLabel("Username").FillAsync(userName);
        await visitor.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Visitor.Password);
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await visitor.WaitForPathAsync("/documents");
        visitor.UserName = userName;
    }

    /// <summary>Shares a document through the form on its page, as its owner does.</summary>
    public static async Task ShareAsync(this Visitor owner, int documentId, string userName)
    {
        await owner.OpenAsync($"/documents/{documentId}");
        await owner.ShareThisDocumentAsync(userName);
    }

    /// <summary>
    /// On the document's page now shown, the owner types a username into the share form and presses
    /// Share; the page must then list that person under Sharing. If it does not, the failure quotes
    /// what the page says instead (an unknown username, say).
    /// </summary>
    public static async Task ShareThisDocumentAsync(this Visitor owner, string userName)
    {
        await owner.Page.GetByLabel("Share with (username)").FillAsync(userName);
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        var listed = owner.Page.GetByRole(AriaRole.Region, new() { Name = "Sharing" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = userName });
        try
        {
            await listed.WaitForAsync();
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{userName} is not listed under Sharing; the browser shows {await owner.DescribePageAsync()}");
        }
    }

    /// <summary>The id in a document page's path (<c>/documents/42</c>).</summary>
    public static int DocumentIdFromPath(string path) =>
        int.Parse(Regex.Match(path, @"^/documents/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Scripts call the API from a page of the site (same origin, its anti-forgery token).</summary>
    private static async Task EnsureOnSiteAsync(Visitor visitor)
    {
        if (!await visitor.Page.EvaluateAsync<bool>("() => !!document.querySelector('meta[name=\"csrf-token\"]')"))
        {
            await visitor.OpenAsync("/documents");
        }
    }
}
