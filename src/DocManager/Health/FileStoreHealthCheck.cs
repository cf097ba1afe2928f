using DocManager.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocManager.Health;

/// <summary>The file store is ready when a file can be written to it and removed again.</summary>
internal sealed class FileStoreHealthCheck(DataDirectory dataDirectory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(dataDirectory.Folder("files"), $".ready-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("File store writable");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("File store not writable");
        }
    }
}
