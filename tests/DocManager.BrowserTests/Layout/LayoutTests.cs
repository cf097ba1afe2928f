using System.Text.Json;
using DocManager.BrowserTests.Infrastructure;

namespace DocManager.BrowserTests.Layout;

/// <summary>
/// The header keeps to one line on a laptop screen (1,280 px wide) for a signed-in user, and no page
/// scrolls sideways on a phone (375 px), even with a document whose title, file name and owner's
/// name are as long as the app allows. Each test saves a picture of what it checked to the
/// <see cref="ScreenshotFolder"/> (header-1280.png, list-375.png).
/// </summary>
public sealed class LayoutTests(Chromium chromium)
{
    /// <summary>32 characters, the longest username there may be.</summary>
    private const string LongUserName = "maria.fernandez-lopez.de.la.cruz";

    /// <summary>100 characters, the longest title, mostly one word that cannot break.</summary>
    private const string LongTitle = "Quarterly-board-report-for-the-northern-region-including-every-appendix-and-annex-2026 - final draft";

    private static readonly string LongFileName = "scanned_" + string.Join('_', Enumerable.Repeat("contract-with-appendices", 8)) + ".txt";

    [Fact]
    public async Task Header_FitsOneLine_At1280PxWide()
    {
        await using var site = await Site.StartAsync(chromium);
        var colleague = await site.NewUserAsync();
        var maria = await site.NewVisitorAsync();
        await maria.SignUpAsync(LongUserName);
        // An unread notification, so that the header shows its count too.
        await colleague.ShareAsync(await colleague.AddNoteAsync(LongTitle, "For the board."), LongUserName);
        await maria.OpenAsync("/documents");
        Assert.True(await maria.NotificationsLink().Locator("#notification-count").IsVisibleAsync(), "the unread count is not shown");

        var items = await HeaderItemsAsync(maria.Page);

        Assert.Contains(items, item => item.Name.StartsWith("Notifications", StringComparison.Ordinal));
        Assert.Contains(items, item => item.Name == LongUserName);
        Assert.Contains(items, item => item.Name == "Sign out");
        // One line: every link, button and the search box sit within the height of the shortest of them.
        var line = items.MinBy(item => item.Bottom - item.Top)!;
        var offLine = items.Where(item => item.Top > line.Bottom || item.Bottom < line.Top).ToList();
        Assert.True(offLine.Count == 0, $"not on the line of “{line.Name}”: {string.Join(", ", offLine)}");
        Assert.All(items, item => Assert.True(item.Right <= 1280 && item.Left >= 0, $"{item} is outside the window"));
        var header = maria.Page.GetByRole(AriaRole.Banner);
        Assert.InRange((await header.BoundingBoxAsync())!.Height, 40, 72);

        await header.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder.Create(), "header-1280.png") });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryPage_FitsA375PxPhone_WithoutScrollingSideways(bool javaScript)
    {
        await using var site = await Site.StartAsync(chromium);
        var colleague = await site.NewUserAsync();
        var maria = await site.NewVisitorAsync(javaScript);
        var stranger = await site.NewVisitorAsync(javaScript);
        await maria.SignUpAsync(LongUserName);
        var id = await maria.UploadTextAsync(LongFileName, "Appendix A\tClause 1\n" + new string('x', 300) + "\n", LongTitle);
        await maria.AddNoteAsync("Board meeting notes", "Decisions: " + new string('y', 200));
        await colleague.ShareAsync(await colleague.AddNoteAsync("Shared-" + LongTitle[..90], "From a colleague."), LongUserName);
        foreach (var visitor in new[] { maria, stranger })
        {
            await visitor.Page.SetViewportSizeAsync(375, 740);
        }

        var pages = new (Visitor Who, string Path)[]
        {
            (maria, "/documents"), (maria, $"/documents/{id}"), (maria, $"/documents/{id}/edit"), (maria, "/documents/new"),
            (maria, "/upload"), (maria, "/search?q=quarterly"), (maria, "/notifications"), (maria, "/settings"), (maria, "/profile"),
            (stranger, "/"), (stranger, "/login"), (stranger, "/register"),
        };
        var problems = new List<string>();
        foreach (var (who, path) in pages)
        {
            await who.OpenAsync(path);
            if (await SidewaysOverflowAsync(who.Page) is { } overflow)
            {
                problems.Add($"{path}: {overflow}");
            }

            // The header collapses, it does not hide: each of its links stays on the screen.
            foreach (var item in await HeaderItemsAsync(who.Page))
            {
                if (item.Left < 0 || item.Right > 375)
                {
                    problems.Add($"{path}: the header's {item} is outside the screen");
                }
            }

            if (path == "/documents" && javaScript)
            {
                await who.Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder.Create(), "list-375.png"), FullPage = true });
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private sealed record HeaderItem(string Name, double Left, double Top, double Right, double Bottom)
    {
        public override string ToString() => $"“{Name}” ({Left:0}–{Right:0} × {Top:0}–{Bottom:0})";
    }

    /// <summary>Where each link, button and field of the page header is drawn.</summary>
    private static async Task<IReadOnlyList<HeaderItem>> HeaderItemsAsync(IPage page)
    {
        var items = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('header a, header button, header input:not([type=hidden])')]
              .filter(e => e.getClientRects().length > 0 && !e.classList.contains('skip-link'))
              .map(e => {
                const r = e.getBoundingClientRect();
                return { name: (e.getAttribute('aria-label') || e.textContent || e.placeholder || '').trim().replace(/\s+/g, ' '),
                         left: r.left, top: r.top, right: r.right, bottom: r.bottom };
              })
            """);
        return [.. items.EnumerateArray().Select(i => new HeaderItem(i.GetProperty("name").GetString()!,
            i.GetProperty("left").GetDouble(), i.GetProperty("top").GetDouble(), i.GetProperty("right").GetDouble(), i.GetProperty("bottom").GetDouble()))];
    }

    /// <summary>Null when the page is no wider than the window; else how wide, and the elements that stick out.</summary>
    private static async Task<string?> SidewaysOverflowAsync(IPage page) =>
        await page.EvaluateAsync<string?>("""
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= window.innerWidth) return null;
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
              const past = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
              // What a scroll box holds cannot widen the page, unless it is positioned outside that box.
              const scrolledInBox = e => {
                if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                  if (getComputedStyle(a).overflowX !== 'visible') return true;
                }
                return false;
              };
              const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => past(e) && ![...e.children].some(past) && !scrolledInBox(e));
              return `${root.scrollWidth} px wide in a ${window.innerWidth} px window; sticking out: `
                + culprits.slice(0, 6).map(e => `${describe(e)} “${e.textContent.trim().slice(0, 30)}” to ${Math.round(e.getBoundingClientRect().right)} px`).join(', ');
            }
            """);
}
