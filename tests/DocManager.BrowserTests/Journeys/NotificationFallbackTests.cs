using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Journeys;

/// <summary>
/// When the live notification stream cannot be had (a proxy that drops it, a server that refuses it),
/// the page asks for the notifications from time to time instead, and still shows what is new.
/// </summary>
public sealed class NotificationFallbackTests(Chromium chromium)
{
    /// <summary>How often the page asks while the stream is down (POLL_MS in notifications.js).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("dropped")]
    [InlineData("refused")]
    public async Task WithoutTheStream_TheUnreadBadgeAndTheMessage_ComeByPolling(string howTheStreamFails)
    {
        await using var site = await Site.StartAsync(chromium);
        var alice = await site.NewUserAsync();
        await alice.UploadAsync([TestFile.Text("polar-report.txt", "Polar report.\n")]);
        await alice.OpenDocumentAsync("polar-report");

        // GIVEN Bob, whose page cannot keep a notification stream open: the connection is dropped on
        // the way, or the server answers with an error (the browser then gives up on the stream at once).
        // His page's clock is under the test's control, so no test waits out the polling interval.
        var bob = await site.NewUserAsync();
        await bob.Page.RouteAsync("**/api/notifications/stream", route => howTheStreamFails == "dropped"
            ? route.AbortAsync("connectionreset")
            : route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"status":503,"title":"Service unavailable"}""" }));
        await bob.Page.Clock.InstallAsync();

        // WHEN he opens his list, THEN the page gives up on the stream and asks for the list instead
        var firstPoll = bob.Page.WaitForResponseAsync(response => new Uri(response.Url).AbsolutePath == "/api/notifications");
        await bob.OpenAsync("/documents");
        Assert.Equal(200, (await firstPoll).Status);
        await Expect(bob.NotificationsLink()).ToHaveAccessibleNameAsync("Notifications");
        await bob.Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // WHEN Alice shares her document with him, and the next poll comes round
        await alice.ShareThisDocumentAsync(bob.UserName);
        Assert.Equal(1, await bob.UnreadOnServerAsync());
        await bob.Page.Clock.RunForAsync((long)PollInterval.TotalMilliseconds);

        // THEN his page, never reloaded, counts it unread and says what happened
        await Expect(bob.NotificationsLink()).ToHaveAccessibleNameAsync("Notifications 1 unread");
        var message = $"{alice.UserName} shared “polar-report” with you";
        await Expect(bob.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = message })).ToBeVisibleAsync();
        Assert.True(await bob.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "Bob's page was reloaded");

        // The browser logs each failed load of the stream (the only request this test makes fail);
        // any script error or CSP violation would read otherwise.
        Assert.All(bob.ConsoleErrors, error => Assert.StartsWith("Failed to load resource: ", error, StringComparison.Ordinal));
        Assert.Empty(bob.Dialogs);
    }
}
