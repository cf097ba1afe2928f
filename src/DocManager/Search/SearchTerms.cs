using System.Globalization;
using System.Text;

namespace DocManager.Search;

/// <summary>
/// What a user typed, reduced to plain words and quoted phrases. Only letters and digits survive,
/// so whatever the input — quotes, `*`, `NEAR(`, `'`, `%`, 10 KB of anything — the query built
/// from it is well-formed: no search syntax from the user ever reaches the database.
/// </summary>
public sealed class SearchTerms
{
    private const int MaxInput = 500;
    private const int MaxTerms = 12;
    private const int MaxTermLength = 64;

    private SearchTerms(IReadOnlyList<IReadOnlyList<string>> groups, bool lastIsPrefix)
    {
        Groups = groups;
        LastIsPrefix = lastIsPrefix;
    }

    /// <summary>Each group is one word, or the words of one quoted phrase, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>The last word is still being typed: it matches as a prefix.</summary>
    public bool LastIsPrefix { get; }

    public bool IsEmpty => Groups.Count == 0;

    public IEnumerable<string> Words => Groups.SelectMany(g => g);

    /// <summary>The same terms with the last word matched as a prefix (for suggestions as the user types).</summary>
    public SearchTerms AsPrefix() => new(Groups, !IsEmpty && Groups[^1].Count == 1);

    public static SearchTerms Parse(string? input)
    {
        var text = (input ?? "").Normalize(NormalizationForm.FormC);
        if (text.Length > MaxInput)
        {
            text = text[..MaxInput];
        }

        var groups = new List<IReadOnlyList<string>>();
        var inPhrase = false;
        var phrase = new List<string>();
        var word = new StringBuilder();
        var endsInWord = false;

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            var term = word.ToString().ToLower(CultureInfo.InvariantCulture);
            word.Clear();
            term = term.Length > MaxTermLength ? term[..MaxTermLength] : term;
            if (inPhrase)
            {
                phrase.Add(term);
            }
            else
            {
                groups.Add([term]);
            }
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
                endsInWord = true;
                continue;
            }

            EndWord();
            endsInWord = false;
            if (rune.Value == '"')
            {
                if (inPhrase && phrase.Count > 0)
                {
                    groups.Add([.. phrase]);
                }

                phrase.Clear();
                inPhrase = !inPhrase;
            }
        }

        var prefixCandidate = endsInWord && !inPhrase;
        EndWord();
        // An unbalanced quote: its words count as plain words.
        groups.AddRange(phrase.Select(w => (IReadOnlyList<string>)[w]));
        if (groups.Count > MaxTerms)
        {
            groups = groups[..MaxTerms];
            prefixCandidate = false;
        }

        return new SearchTerms(groups, prefixCandidate && groups.Count > 0 && groups[^1].Count == 1);
    }
}
