using AngleSharp.Html.Dom;

namespace DocManager.Tests.Security;

internal static class PageTokens
{
    /// <summary>The token a page offers its scripts in <c>&lt;meta name="csrf-token"&gt;</c>.</summary>
    public static string CsrfToken(this IHtmlDocument page) =>
        page.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content") ?? "";
}
