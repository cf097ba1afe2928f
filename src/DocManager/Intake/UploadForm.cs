namespace DocManager.Intake;

/// <summary>
/// A multipart upload as read so far: its text fields and its files, each already written to the
/// store's staging folder. Disposing it deletes every staged file that was not saved, so a refused
/// or failed upload leaves nothing behind.
/// </summary>
public sealed class UploadForm : IAsyncDisposable
{
    public Dictionary<string, List<string>> Fields { get; } = new(StringComparer.Ordinal);

    public List<ReceivedFile> Files { get; } = [];

    /// <summary>A file field was sent with no file chosen.</summary>
    public bool HadEmptyFileField { get; set; }

    public string? Value(string name) => Fields.TryGetValue(name, out var values) ? values[0] : null;

    public IReadOnlyList<string> Values(string name) => Fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>The document fields as submitted, to show them again beside the errors.</summary>
    public static Dictionary<string, string> Submitted(UploadForm? form) => form is null
        ? []
        : new Dictionary<string, string>
        {
            ["title"] = form.Value("title") ?? "",
            ["description"] = form.Value("description") ?? "",
            ["category"] = form.Value("category") ?? "",
            ["tags"] = string.Join(", ", Documents.DocumentRules.SplitTags(form.Values("tags"))),
            ["priority"] = form.Value("priority") ?? "",
        };

    public ValueTask DisposeAsync()
    {
        foreach (var file in Files.Where(f => !f.Saved))
        {
            try
            {
                File.Delete(file.StagedPath);
            }
            catch (IOException)
            {
                // Left for the staging sweep, which deletes stale staged files.
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A file received and staged, with what was learned while writing it.</summary>
public sealed class ReceivedFile(string storedName, string originalName, string extension, string stagedPath)
{
    public string StoredName { get; } = storedName;

    /// <summary>The client's bare file name (directories stripped), kept only as data.</summary>
    public string OriginalName { get; } = originalName;

    /// <summary>Lower-case extension without the dot; empty when the name has none.</summary>
    public string Extension { get; } = extension;

    public string StagedPath { get; } = stagedPath;

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public bool Saved { get; set; }

    /// <summary>The default title: the file name without its extension.</summary>
    public string DefaultTitle => Extension.Length == 0 ? OriginalName : OriginalName[..^(Extension.Length + 1)];
}

/// <summary>An upload refused with a status and a message for one field; nothing is kept.</summary>
public sealed class UploadRejectedException(int status, string field, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int Status { get; } = status;

    public string Field { get; } = field;

    /// <summary>The document fields read before the upload was refused, to show them again.</summary>
    public IReadOnlyDictionary<string, string>? Submitted { get; set; }
}
