namespace DocManager.Documents;

/// <summary>
/// The document fields as a form shows them (tags as one comma-separated line): the one place a
/// posted form's fields are read back, whether from a plain form (new, edit) or a streamed upload,
/// so a refused form shows exactly what was typed.
/// </summary>
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

    /// <summary>Reads the fields a plain document form posts.</summary>
    public static DocumentForm Read(IFormCollection form) => Read(name => form[name]);

    /// <summary>
    /// Reads the document fields from a form's values by name (the first value of each, every value of
    /// `tags`); any other field (ownerId, size, …) is never looked at.
    /// </summary>
    public static DocumentForm Read(Func<string, IReadOnlyList<string?>> values) => new()
    {
        Title = First(values("title")),
        Description = First(values("description")),
        Category = First(values("category")),
        Tags = string.Join(", ", DocumentRules.SplitTags(values("tags"))),
        Priority = First(values("priority")),
    };

    /// <summary>The fields as the rules take them; <paramref name="title"/> replaces the typed one (an upload names each file).</summary>
    public DocumentInput ToInput(string? title = null) =>
        new(title ?? Title, Description, Category, DocumentRules.SplitTags([Tags]), Priority);

    private static string First(IReadOnlyList<string?> values) => values.Count > 0 ? values[0] ?? "" : "";
}
