namespace DocManager.Integrity;

public static class IntegritySetup
{
    /// <summary>
    /// The periodic check of every stored file against its recorded hash, the removal of orphans, and
    /// the report `/readyz` shows. One run at a time across all instances (<see cref="IntegrityRunLock"/>).
    /// </summary>
    public static IServiceCollection AddIntegrityCheck(this IServiceCollection services)
    {
        services.AddSingleton<IntegrityReport>();
        services.AddSingleton<IntegrityRunLock>();
        services.AddSingleton<IntegrityCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<IntegrityCheck>());
        return services;
    }
}
