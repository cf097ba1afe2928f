using DocManager.Sessions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocManager.Health;

internal sealed class SessionStoreHealthCheck(ISessionStore sessions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await sessions.IsAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Session store reachable")
            : HealthCheckResult.Unhealthy("Session store unreachable");
}
