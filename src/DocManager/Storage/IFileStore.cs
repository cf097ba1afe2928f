namespace DocManager.Storage;

/// <summary>
/// Where file bytes live, under generated names only: a client's file name is data, never a path.
/// Uploads are written to <see cref="StagingDirectory"/> first and put into the store by
/// <see cref="SaveAsync"/> <em>before</em> their database row is committed, so no row ever points at
/// a missing file; a crash in between leaves only an orphan, which the integrity check removes.
/// </summary>
public interface IFileStore
{
    /// <summary>A local folder for uploads in progress (on the store's own disk where it has one, so saving is a rename).</summary>
    string StagingDirectory { get; }

    /// <summary>Puts a fully written, verified staged file into the store under <paramref name="name"/>; the staged file is gone afterwards.</summary>
    Task SaveAsync(string name, string stagedPath, CancellationToken cancellationToken);

    /// <summary>A readable, seekable stream over the stored bytes, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>The file's path on this machine when the store is a folder (lets downloads use sendfile), else null.</summary>
    string? LocalPath(string name);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every stored file with when it was last written, for the integrity check's orphan sweep.</summary>
    IAsyncEnumerable<StoredFile> ListAsync(CancellationToken cancellationToken);

    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}

/// <summary>A stored file's generated name and the time the store last wrote it.</summary>
public sealed record StoredFile(string Name, DateTimeOffset LastModified);

/// <summary>The store could not do what was asked (a network or service failure); nothing was changed.</summary>
public sealed class FileStoreException(string message, Exception innerException) : IOException(message, innerException);
