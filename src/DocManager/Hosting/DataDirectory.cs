namespace DocManager.Hosting;

/// <summary>
/// The one folder a single-machine install writes to: the SQLite database, stored files and
/// data-protection keys. Paths are always derived from it, never stored absolute.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration)
    {
        var configured = configuration["DataDirectory"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A sub-folder of the data directory, created on first use.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
