using System.Text.Json;

namespace DocManager.Documents;

/// <summary>
/// The fields a JSON client sent for a document. Only `title`, `description`, `category`, `tags` and
/// `priority` are read; anything else (`ownerId`, `id`, `size`, …) is never looked at.
/// </summary>
public sealed class DocumentRequest
{
    private static readonly string[] Fields = ["title", "description", "category", "tags", "priority"];

    private DocumentRequest()
    {
    }

    public string? Title { get; private init; }

    public string? Description { get; private init; }

    public string? Category { get; private init; }

    public IReadOnlyList<string>? Tags { get; private init; }

    public string? Priority { get; private init; }

    /// <summary>Which of the fields the client named (PATCH leaves the others as they are).</summary>
    public IReadOnlySet<string> Present { get; private init; } = new HashSet<string>();

    /// <summary>The named fields of <paramref name="body"/>, a JSON object (<see cref="Hosting.JsonBody"/>), or why they are not usable.</summary>
    public static (DocumentRequest? Request, Dictionary<string, string[]> Errors) Parse(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();

        string? Text(string name)
        {
            if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            errors[name] = [$"{name} must be a string"];
            return null;
        }

        IReadOnlyList<string>? Tags()
        {
            if (!body.TryGetProperty("tags", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String))
            {
                return DocumentRules.SplitTags(value.EnumerateArray().Select(t => t.GetString()));
            }

            errors["tags"] = ["tags must be an array of strings"];
            return null;
        }

        var request = new DocumentRequest
        {
            Title = Text("title"),
            Description = Text("description"),
            Category = Text("category"),
            Tags = Tags(),
            Priority = Text("priority"),
            Present = Fields.Where(f => body.TryGetProperty(f, out _)).ToHashSet(),
        };
        return errors.Count > 0 ? (null, errors) : (request, errors);
    }

    public DocumentInput ToInput() => new(Title, Description, Category, Tags, Priority);

    /// <summary>The document's current fields with only the named ones replaced.</summary>
    public DocumentInput Over(Document current) => new(
        Present.Contains("title") ? Title : current.Title,
        Present.Contains("description") ? Description : current.Description,
        Present.Contains("category") ? Category : current.Category,
        Present.Contains("tags") ? Tags ?? [] : current.TagNames,
        Present.Contains("priority") ? Priority : current.Priority);
}
