using DocManager.Documents;

namespace DocManager.Intake;

/// <summary>
/// A multipart upload as read so far: its text fields and its files, each already written to the
/// store's staging folder. Disposing it deletes every staged file that was not saved, so a refused
/// or failed upload leaves nothing behind.
/// </summary>
public sealed class UploadForm : IAsyncDisposable
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public List<ReceivedFile> Files { get; } = [];

    public void Add(string name, string value) => (_fields.TryGetValue(name, out var values) ? values : _fields[name] = []).Add(value);

    public IReadOnlyList<string> Values(string name) => _fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>The document fields as typed, read so far: to check them, or to show them again beside the errors.</summary>
    public DocumentForm Typed() => DocumentForm.Read(Values);

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

/// <summary>
/// Stops reading an upload part-way (a limit passed, a broken body, a bad token) with the refusal to
/// answer; the intake turns it into its result in one place, and nothing is kept.
/// </summary>
public sealed class UploadRefusedException(Refusal refusal, Exception? innerException = null) : Exception(refusal.FirstMessage, innerException)
{
    public Refusal Refusal { get; } = refusal;
}
