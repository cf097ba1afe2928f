using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Shared;

/// <summary>
/// Display preferences from the plain `prefs` cookie (readable by scripts). It is user-controlled
/// input: each value is checked against a fixed list and used for display only, never for access.
/// </summary>
public sealed record Preferences(string Theme, int PageSize)
{
    public const string CookieName = "prefs";
    public static readonly IReadOnlyList<string> Themes = ["auto", "light", "dark"];
    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];
    public static readonly Preferences Default = new("auto", 50);

    public static Preferences From(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var raw) || string.IsNullOrEmpty(raw))
        {
            return Default;
        }

        var values = QueryHelpers.ParseQuery(raw);
        var theme = values.TryGetValue("theme", out var t) && Themes.Contains(t.ToString()) ? t.ToString() : Default.Theme;
        var pageSize = values.TryGetValue("pageSize", out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size)
            ? size
            : Default.PageSize;
        return new Preferences(theme, pageSize);
    }

    public string ToCookieValue() => $"theme={Theme}&pageSize={PageSize.ToString(CultureInfo.InvariantCulture)}";
}
