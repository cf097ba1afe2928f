using System.Globalization;
using AngleSharp.Html.Dom;
using DocManager.Data;
using DocManager.Notifications;
using Microsoft.EntityFrameworkCore;
using Share = DocManager.Sharing.Share;

namespace DocManager.Tests.Infrastructure;

/// <summary>What users do with documents and what tests read back: lists, shares, users' ids, notifications.</summary>
public static class DocumentSteps
{
    /// <summary>The ids of the document cards on a list page, in the order shown.</summary>
    public static IReadOnlyList<int> CardIds(this IHtmlDocument page) =>
        [.. page.QuerySelectorAll("li.doc-card").Select(card => int.Parse(card.GetAttribute("data-document-id")!, CultureInfo.InvariantCulture))];

    /// <summary>Loads a list page (which must answer 200) and returns the ids of its cards in order.</summary>
    public static async Task<IReadOnlyList<int>> ListIdsAsync(this Browser browser, string url) =>
        (await browser.GetPageAsync(url)).CardIds();

    /// <summary>The card of one document on a list page, or null.</summary>
    public static IElement? Card(this IHtmlDocument page, int documentId) =>
        page.QuerySelector($"li.doc-card[data-document-id='{documentId.ToString(CultureInfo.InvariantCulture)}']");

    /// <summary>Submits the share form on the document's details page.</summary>
    public static Task<HttpResponseMessage> ShareAsync(this Browser owner, int documentId, string userName) =>
        owner.SubmitAsync($"/documents/{documentId}", $"/documents/{documentId}/shares", [new("username", userName)]);

    /// <summary>Shares a document, which must succeed.</summary>
    public static async Task ShareDocumentAsync(this Browser owner, int documentId, string userName)
    {
        using var response = await owner.ShareAsync(documentId, userName);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.SeeOther, $"sharing {documentId} with {userName} answered {(int)response.StatusCode}");
    }

    /// <summary>Shares a document with each of these people (by their usernames), which must succeed.</summary>
    public static async Task ShareDocumentAsync(this Browser owner, int documentId, params Browser[] viewers)
    {
        foreach (var viewer in viewers)
        {
            await owner.ShareDocumentAsync(documentId, viewer.UserName);
        }
    }

    /// <summary>The owner writes a note and shares it with each of these people (which notifies them); returns the note's id.</summary>
    public static async Task<int> ShareNewNoteAsync(this Browser owner, string title, params Browser[] viewers)
    {
        var id = await owner.CreateNoteIdAsync(title);
        await owner.ShareDocumentAsync(id, viewers);
        return id;
    }

    /// <summary>The owner writes notes with these titles one after another and shares each with <paramref name="viewer"/> (one notification each); returns their ids in order.</summary>
    public static async Task<IReadOnlyList<int>> ShareNewNotesAsync(this Browser owner, Browser viewer, params string[] titles)
    {
        var ids = new List<int>();
        foreach (var title in titles)
        {
            ids.Add(await owner.ShareNewNoteAsync(title, viewer));
        }

        return ids;
    }

    /// <summary>Writes notes with these titles one after another (each must succeed); returns their ids in the same order.</summary>
    public static async Task<IReadOnlyList<int>> CreateNotesAsync(this Browser browser, IEnumerable<string> titles, params KeyValuePair<string, string>[] fields)
    {
        var ids = new List<int>();
        foreach (var title in titles)
        {
            ids.Add(await browser.CreateNoteIdAsync(title, fields));
        }

        return ids;
    }

    /// <summary>The id of the account this browser signed up or signed in as.</summary>
    public static Task<int> UserIdAsync(this TestApp app, Browser user) => app.UserIdAsync(user.UserName);

    public static Task<int> UserIdAsync(this TestApp app, string userName) =>
        app.Instance.WithScopeAsync<AppDbContext, int>(db =>
        {
            var normalized = DocManager.Accounts.User.Normalize(userName);
            return db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleAsync();
        });

    public static Task<List<Share>> SharesAsync(this TestApp app, int documentId) =>
        app.Instance.WithScopeAsync<AppDbContext, List<Share>>(db =>
            db.Shares.AsNoTracking().Where(s => s.DocumentId == documentId).ToListAsync());

    /// <summary>The notifications stored for the account this browser signed up or signed in as, oldest first.</summary>
    public static async Task<List<Notification>> NotificationsAsync(this TestApp app, Browser user) =>
        await app.NotificationsAsync(await app.UserIdAsync(user));

    public static Task<List<Notification>> NotificationsAsync(this TestApp app, int userId) =>
        app.Instance.WithScopeAsync<AppDbContext, List<Notification>>(db =>
            db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());

    /// <summary>
    /// Moves the app's clock forward and signs the browser in again (a long pause ends the session),
    /// so what it creates next carries the new time.
    /// </summary>
    public static async Task AdvanceAndSignInAsync(this TestApp app, TimeSpan by, Browser browser)
    {
        app.Clock.Advance(by);
        await browser.SignInAsUserAsync(browser.UserName);
    }
}
