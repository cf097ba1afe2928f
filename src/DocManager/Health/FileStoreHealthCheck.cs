using DocManager.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocManager.Health;

/// <summary>The file store is ready when a file can be written to it and removed again.</summary>
internal sealed class FileStoreHealthCheck(IFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("File store writable")
            : HealthCheckResult.Unhealthy("File store not writable");
}
