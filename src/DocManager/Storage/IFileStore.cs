namespace DocManager.Storage;

/// <summary>
/// Where file bytes live, under generated names only: a client's file name is data, never a path.
/// Uploads are written to <see cref="StagingDirectory"/> first and moved in by <see cref="SaveAsync"/>
/// only after their database row is committed.
/// </summary>
public interface IFileStore
{
    /// <summary>A local folder for uploads in progress (on the store's own disk where it has one, so saving is a rename).</summary>
    string StagingDirectory { get; }

    /// <summary>Moves a fully written, verified staged file into the store under <paramref name="name"/>.</summary>
    Task SaveAsync(string name, string stagedPath, CancellationToken cancellationToken);

    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>The file's path on this machine when the store is a folder (lets downloads use sendfile), else null.</summary>
    string? LocalPath(string name);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every stored name, for the integrity check's orphan sweep.</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken);

    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}
