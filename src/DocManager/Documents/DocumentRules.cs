using System.Text;

namespace DocManager.Documents;

/// <summary>The field rules of SPEC §1 and §7, shared by the pages, the upload intake and the API.</summary>
public static class DocumentRules
{
    public const int TitleMinLength = 3;
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 32;
    public const string DefaultCategory = "other";
    public const string DefaultPriority = "normal";

    public static readonly IReadOnlyList<string> Categories = ["report", "invoice", "contract", "notes", "other"];
    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high"];

    /// <summary>Checks every field; the result holds either the clean values or the messages per field.</summary>
    public static Outcome<DocumentFields> Validate(DocumentInput input)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        var title = CheckTitle(input.Title, out var titleError);
        if (titleError is not null)
        {
            Error("title", titleError);
        }

        var description = (input.Description ?? "").Trim();
        if (HasInvalidText(description, allowLineBreaks: true))
        {
            Error("description", "Description must not contain control characters");
        }
        else if (Length(description) > DescriptionMaxLength)
        {
            Error("description", $"Description too long (at most {DescriptionMaxLength} characters)");
        }

        var category = string.IsNullOrEmpty(input.Category) ? DefaultCategory : input.Category;
        if (!Categories.Contains(category))
        {
            Error("category", $"Category must be one of {string.Join(", ", Categories)}");
        }

        var priority = string.IsNullOrEmpty(input.Priority) ? DefaultPriority : input.Priority;
        if (!Priorities.Contains(priority))
        {
            Error("priority", $"Priority must be one of {string.Join(", ", Priorities)}");
        }

        var tags = CheckTags(input.Tags ?? [], tagError => Error("tags", tagError));

        return errors.Count > 0
            ? Refusal.Invalid(errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value))
            : new DocumentFields(title!, description.Normalize(NormalizationForm.FormC), category, tags, priority);
    }

    /// <summary>The trimmed, NFC title, or null with the reason it is not acceptable.</summary>
    public static string? CheckTitle(string? raw, out string? error)
    {
        var title = (raw ?? "").Trim();
        error = null;
        if (title.Length == 0)
        {
            error = "Title required";
            return null;
        }

        if (HasInvalidText(title, allowLineBreaks: false))
        {
            error = "Title must not contain control characters";
            return null;
        }

        title = title.Normalize(NormalizationForm.FormC);
        var length = Length(title);
        if (length < TitleMinLength)
        {
            error = $"Title must be at least {TitleMinLength} characters";
        }
        else if (length > TitleMaxLength)
        {
            error = "Title too long";
        }

        return error is null ? title : null;
    }

    /// <summary>
    /// The comparison form of a title: NFC, case-folded, NFC again. `ÉTÉ`, `été` and a decomposed
    /// `été` share one key, so they are one title; so do `ΣΟΦΟΣ` and `σοφος`, and `STRASSE` and `straße`.
    /// </summary>
    public static string TitleKey(string title)
    {
        var folded = new StringBuilder(title.Length);
        foreach (var rune in title.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            switch (rune.Value)
            {
                case 'ß' or 'ẞ':
                    folded.Append("ss"); // Unicode's full case folding of the sharp s
                    break;
                case 'ı':
                    folded.Append('ı'); // Turkish dotless i is its own letter, not a case of "i"
                    break;
                default:
                    // Upper then lower folds letters with several lower forms (final sigma, long s) into one.
                    folded.Append(Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune)).ToString());
                    break;
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether a (lower-cased) value can be a tag: 1–32 letters, digits, `-` and `_`.</summary>
    public static bool IsTag(string tag) =>
        tag.Length > 0 && Length(tag) <= TagMaxLength && tag.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') && !HasInvalidText(tag, false);

    /// <summary>Tags from repeated fields, each of which may also hold several, separated by commas or spaces.</summary>
    public static IReadOnlyList<string> SplitTags(IEnumerable<string?> values) =>
        [.. values.SelectMany(v => (v ?? "").Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))];

    private static List<string> CheckTags(IEnumerable<string> raw, Action<string> error)
    {
        var tags = new List<string>();
        foreach (var candidate in raw.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            var tag = candidate.Normalize(NormalizationForm.FormC).ToLowerInvariant();
            if (!IsTag(tag))
            {
                error($"Tag '{candidate}' is invalid: use 1–{TagMaxLength} letters, digits, '-' or '_'");
                return [];
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > MaxTags)
        {
            error($"At most {MaxTags} tags");
            return [];
        }

        return tags;
    }

    /// <summary>Control characters (a newline or tab in a title), and broken UTF-16 from hostile JSON.</summary>
    private static bool HasInvalidText(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length in Unicode characters (an emoji counts once), as a person would count.</summary>
    private static int Length(string value) => value.EnumerateRunes().Count();
}

/// <summary>Document fields as a client sent them; anything else it sent is never read.</summary>
public sealed record DocumentInput(string? Title, string? Description, string? Category, IReadOnlyList<string>? Tags, string? Priority);

/// <summary>Checked, normalised document fields.</summary>
public sealed record DocumentFields(string Title, string Description, string Category, IReadOnlyList<string> Tags, string Priority);

