using DocManager.Hosting;

namespace DocManager.Storage;

public static class StorageSetup
{
    /// <summary>The file store named by `Storage:Provider`; a folder (`Storage:Root`, default `DataDirectory/files`).</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory)
    {
        var provider = configuration["Storage:Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !provider.Equals("FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported; use 'FileSystem'.");
        }

        var root = configuration["Storage:Root"];
        services.AddSingleton<IFileStore>(new FileSystemStore(string.IsNullOrWhiteSpace(root) ? dataDirectory.Folder("files") : root));
        return services;
    }
}
