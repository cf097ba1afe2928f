namespace DocManager.Documents;

/// <summary>The document fields as a form shows them (tags as one comma-separated line).</summary>
public sealed class DocumentForm
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Category { get; set; } = DocumentRules.DefaultCategory;

    public string Tags { get; set; } = "";

    public string Priority { get; set; } = DocumentRules.DefaultPriority;

    /// <summary>Whether the title may be left empty (an upload takes the file name).</summary>
    public bool TitleOptional { get; set; }

    public static DocumentForm From(Document document) => new()
    {
        Title = document.Title,
        Description = document.Description,
        Category = document.Category,
        Tags = string.Join(", ", document.TagNames),
        Priority = document.Priority,
    };

    public static DocumentForm From(IReadOnlyDictionary<string, string> submitted, bool titleOptional) => new()
    {
        Title = submitted.GetValueOrDefault("title", ""),
        Description = submitted.GetValueOrDefault("description", ""),
        Category = submitted.GetValueOrDefault("category", DocumentRules.DefaultCategory),
        Tags = submitted.GetValueOrDefault("tags", ""),
        Priority = submitted.GetValueOrDefault("priority", DocumentRules.DefaultPriority),
        TitleOptional = titleOptional,
    };

    /// <summary>Reads the fields a document form posts; any other field (ownerId, size, …) is never looked at.</summary>
    public static (DocumentInput Input, DocumentForm Form) Read(IFormCollection form)
    {
        var input = new DocumentInput(
            form["title"].ToString(),
            form["description"].ToString(),
            form["category"].ToString(),
            DocumentRules.SplitTags(form["tags"]),
            form["priority"].ToString());
        return (input, new DocumentForm
        {
            Title = input.Title ?? "",
            Description = input.Description ?? "",
            Category = input.Category ?? "",
            Tags = string.Join(", ", input.Tags ?? []),
            Priority = input.Priority ?? "",
        });
    }
}
