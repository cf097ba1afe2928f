using DocManager.Hosting;

namespace DocManager.Integrity;

public static class IntegritySetup
{
    /// <summary>
    /// The periodic check of every stored file against its recorded hash, the removal of orphans, and
    /// the report `/readyz` shows. One run at a time across all instances (<see cref="IntegrityRunLock"/>).
    /// Its timer runs where background work runs: a web-only instance leaves the disk reads to workers
    /// (and its `/readyz` says "Not checked yet").
    /// </summary>
    public static IServiceCollection AddIntegrityCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IntegrityReport>();
        services.AddSingleton<IntegrityRunLock>();
        services.AddSingleton<IntegrityCheck>();
        if (configuration.GetInstanceRole().RunsBackgroundWork())
        {
            services.AddHostedService(provider => provider.GetRequiredService<IntegrityCheck>());
        }

        return services;
    }
}
