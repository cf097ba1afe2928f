using System.Text.Json;
using DocManager.Data;
using DocManager.Sessions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocManager.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    // Probes read; the framework maps health checks for every method, so a PUT or DELETE would answer 200.
    private static readonly HttpMethodMetadata Probes = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>Readiness checks every part a request may need (database, session store, file store) and reports file integrity.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<SessionStoreHealthCheck>("sessions", tags: [Ready])
            .AddCheck<FileStoreHealthCheck>("files", tags: [Ready])
            .AddCheck<IntegrityHealthCheck>("integrity", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// `/healthz`: the process answers. `/readyz`: it can serve users (503 when a part is down). Neither
    /// looks up a session, so a probe sent with a cookie still answers while the session store is down.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .AllowAnonymous().WithoutSession().WithMetadata(Probes);
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJson })
            .AllowAnonymous().WithoutSession().WithMetadata(Probes);
        return endpoints;
    }

    // Names and states only: exception messages could reveal hosts, paths or versions.
    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
