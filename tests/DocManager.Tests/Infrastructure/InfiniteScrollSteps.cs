using AngleSharp.Html.Dom;

namespace DocManager.Tests.Infrastructure;

/// <summary>What infinite scroll does after a list page: fetch the `data-cards` link with `limit` and the `data-next-cursor`, again and again.</summary>
public static class InfiniteScrollSteps
{
    /// <summary>The next cards after a list page, as the script fetches them.</summary>
    public static async Task<IHtmlDocument> NextCardsAsync(this Browser browser, IHtmlDocument page, int limit)
    {
        var list = page.GetElementById("document-list")!;
        var cursor = list.GetAttribute("data-next-cursor");
        Assert.False(string.IsNullOrEmpty(cursor), "the page offers no cursor to continue from");
        return await browser.GetPageAsync(CardsLink(list.GetAttribute("data-cards")!, limit, cursor!));
    }

    /// <summary>The ids of every card appended after a list page until no cursor is left.</summary>
    public static async Task<IReadOnlyList<int>> ScrollToTheEndAsync(this Browser browser, IHtmlDocument page, int limit)
    {
        var source = page.GetElementById("document-list")!.GetAttribute("data-cards")!;
        var appended = await browser.NextCardsAsync(page, limit);
        var ids = new List<int>(appended.CardIds());
        while (appended.QuerySelector("ul[data-cards]")!.GetAttribute("data-next-cursor") is { Length: > 0 } cursor)
        {
            Assert.True(ids.Count < 10_000, "infinite scroll never ends");
            appended = await browser.GetPageAsync(CardsLink(source, limit, cursor));
            ids.AddRange(appended.CardIds());
        }

        return ids;
    }

    private static string CardsLink(string source, int limit, string cursor) =>
        $"{source}{(source.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit={limit}&cursor={Uri.EscapeDataString(cursor)}";
}
