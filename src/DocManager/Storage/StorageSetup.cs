using Amazon.S3;
using DocManager.Hosting;

namespace DocManager.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The file store named by `Storage:Provider`: a folder (`Storage:Root`, default `DataDirectory/files`)
    /// or an S3 bucket (`Storage:S3:*`). Uploads are staged on this machine's disk in either case
    /// (`Storage:StagingDirectory`; by default inside the folder, so saving is a rename, or
    /// `DataDirectory/staging` for S3).
    /// </summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory)
    {
        var provider = configuration["Storage:Provider"];
        var staging = configuration["Storage:StagingDirectory"];
        staging = string.IsNullOrWhiteSpace(staging) ? null : staging;
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            var root = configuration["Storage:Root"];
            services.AddSingleton<IFileStore>(new FileSystemStore(string.IsNullOrWhiteSpace(root) ? dataDirectory.Folder("files") : root, staging));
            return services;
        }

        if (!provider.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported; use 'FileSystem' or 'S3'.");
        }

        var options = new S3StoreOptions();
        configuration.GetSection("Storage:S3").Bind(options);
        options.Validate();
        // One client for the app's lifetime: it pools connections and caches credentials.
        services.AddSingleton<IAmazonS3>(_ => options.CreateClient());
        services.AddSingleton<IFileStore>(provider => new S3FileStore(
            provider.GetRequiredService<IAmazonS3>(), options, staging ?? dataDirectory.Folder("staging"),
            provider.GetRequiredService<ILogger<S3FileStore>>()));
        return services;
    }
}
