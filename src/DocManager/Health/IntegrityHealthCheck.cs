using System.Globalization;
using DocManager.Integrity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocManager.Health;

/// <summary>Reports the latest integrity check: degraded (still serving) when files are missing or changed.</summary>
internal sealed class IntegrityHealthCheck(IntegrityReport report) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latest = report.Latest;
        return Task.FromResult(latest switch
        {
            null => HealthCheckResult.Healthy("Not checked yet"),
            { Healthy: true } => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{latest.Checked} files verified at {latest.FinishedAt:O}")),
            _ => HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"{latest.Missing.Count} missing and {latest.Corrupted.Count} corrupted of {latest.Checked} files at {latest.FinishedAt:O}")),
        });
    }
}
