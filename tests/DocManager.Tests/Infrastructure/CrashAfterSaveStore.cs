using DocManager.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The real file store of an instance that dies the moment a file is stored, before its row is
/// committed: the save reaches the store, then the instance "crashes" (throws), and nothing it tries
/// afterwards (its clean-up) reaches the store any more, just as when the process is killed.
/// </summary>
public sealed class CrashAfterSaveStore(IFileStore store) : IFileStore
{
    public string StagingDirectory => store.StagingDirectory;

    public async Task SaveAsync(string name, string stagedPath, CancellationToken cancellationToken)
    {
        await store.SaveAsync(name, stagedPath, cancellationToken);
        throw new InstanceCrashedException();
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => Task.CompletedTask; // a dead instance cleans nothing up

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken) => store.OpenReadAsync(name, cancellationToken);

    public string? LocalPath(string name) => store.LocalPath(name);

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => store.ExistsAsync(name, cancellationToken);

    public IAsyncEnumerable<StoredFile> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => store.IsAvailableAsync(cancellationToken);

    /// <summary>Wraps the store the app configured (folder or S3) in an instance's services.</summary>
    public static void Install(IServiceCollection services)
    {
        var configured = services.Last(d => d.ServiceType == typeof(IFileStore));
        services.AddSingleton<IFileStore>(provider => new CrashAfterSaveStore(
            configured.ImplementationInstance as IFileStore ?? (IFileStore)configured.ImplementationFactory!(provider)));
    }
}

public sealed class InstanceCrashedException() : Exception("The instance died right after storing the file.");
