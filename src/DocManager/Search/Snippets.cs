using System.Globalization;
using System.Net;
using System.Text;

namespace DocManager.Search;

/// <summary>
/// Builds the short passage shown under a search hit: the stretch of words with the most matches,
/// HTML-escaped word by word, with each matched word wrapped in &lt;mark&gt;. Done in C# rather than
/// by the database, so it costs the same on SQLite and PostgreSQL and nothing a user wrote can
/// become markup.
/// </summary>
public static class Snippets
{
    private const int WindowWords = 28;

    /// <summary>The best passage from the first text that has a match, or null when none matches.</summary>
    public static string? Build(SearchTerms terms, params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var words = Words(text);
            var matched = Match(terms, words);
            if (matched.Count == 0)
            {
                continue;
            }

            var start = BestWindowStart(matched, words.Count);
            var end = Math.Min(words.Count, start + WindowWords);
            var html = new StringBuilder();
            if (start > 0)
            {
                html.Append("… ");
            }

            // From the text's start when the passage starts there, so leading punctuation is kept.
            var from = start == 0 ? 0 : words[start].Start;
            for (var i = start; i < end; i++)
            {
                html.Append(WebUtility.HtmlEncode(Flatten(text[from..words[i].Start])));
                var word = WebUtility.HtmlEncode(text.Substring(words[i].Start, words[i].Length));
                html.Append(matched.Contains(i) ? $"<mark>{word}</mark>" : word);
                from = words[i].Start + words[i].Length;
            }

            if (end < words.Count)
            {
                html.Append(" …");
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(Flatten(text[from..])));
            }

            return html.ToString();
        }

        return null;
    }

    /// <summary>
    /// The page (1-based) of the text's first matched word, counting the page separators before it
    /// (see Extraction.TextExtractor.PageSeparator); null when nothing in the text matches.
    /// </summary>
    public static int? PageOf(SearchTerms terms, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text);
        var matched = Match(terms, words);
        return matched.Count == 0 ? null : 1 + text.AsSpan(0, words[matched.Min()].Start).Count('\f');
    }

    /// <summary>Text as it is indexed: control characters become spaces.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Form feeds stay: they separate a PDF's pages (TextExtractor.PageSeparator).
            clean.Append(char.IsControl(c) && c is not ('\n' or '\t' or '\f') ? ' ' : c);
        }

        return clean.ToString();
    }

    private static HashSet<int> Match(SearchTerms terms, List<Word> words)
    {
        var matched = new HashSet<int>();
        for (var g = 0; g < terms.Groups.Count; g++)
        {
            var group = terms.Groups[g];
            var prefix = terms.LastIsPrefix && g == terms.Groups.Count - 1;
            for (var i = 0; i + group.Count <= words.Count; i++)
            {
                var all = true;
                for (var k = 0; k < group.Count && all; k++)
                {
                    var term = Fold(group[k]);
                    all = prefix ? words[i + k].Key.StartsWith(term, StringComparison.Ordinal) : words[i + k].Key == term;
                }

                if (all)
                {
                    for (var k = 0; k < group.Count; k++)
                    {
                        matched.Add(i + k);
                    }
                }
            }
        }

        return matched;
    }

    /// <summary>Where a window of <see cref="WindowWords"/> words holds the most matches, a few words before the first.</summary>
    private static int BestWindowStart(HashSet<int> matched, int wordCount)
    {
        var positions = matched.Order().ToList();
        var best = positions[0];
        var bestCount = 0;
        foreach (var position in positions)
        {
            var count = positions.Count(p => p >= position && p < position + WindowWords);
            if (count > bestCount)
            {
                (best, bestCount) = (position, count);
            }
        }

        return Math.Clamp(best - 4, 0, Math.Max(0, wordCount - WindowWords));
    }

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune) || !Rune.IsLetterOrDigit(rune))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                continue;
            }

            var start = i;
            while (i < text.Length && Rune.TryGetRuneAt(text, i, out rune) && Rune.IsLetterOrDigit(rune))
            {
                i += rune.Utf16SequenceLength;
            }

            words.Add(new Word(start, i - start, Fold(text[start..i])));
        }

        return words;
    }

    /// <summary>Lower case without accents: how the indexes compare words.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Flatten(string separator) => separator.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

    private sealed record Word(int Start, int Length, string Key);
}
