using System.Net;
using System.Text;

namespace DocManager.Search;

/// <summary>
/// Snippets come from the database with control characters around the matched words; those
/// characters never occur in stored text. The whole passage is HTML-escaped first and only then are
/// the markers turned into &lt;mark&gt;, so nothing a user wrote can become markup.
/// </summary>
public static class Snippets
{
    public const char Start = '\u0002';
    public const char End = '\u0003';

    public static string ToHtml(string raw)
    {
        var html = new StringBuilder(WebUtility.HtmlEncode(raw.Replace('\n', ' ').Replace('\r', ' ')));
        return html.Replace(WebUtility.HtmlEncode(Start.ToString()), "<mark>")
            .Replace(Start.ToString(), "<mark>")
            .Replace(WebUtility.HtmlEncode(End.ToString()), "</mark>")
            .Replace(End.ToString(), "</mark>")
            .ToString();
    }

    /// <summary>Stored text loses control characters, so markers (and other invisible bytes) can only come from the database.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c);
        }

        return clean.ToString();
    }
}
