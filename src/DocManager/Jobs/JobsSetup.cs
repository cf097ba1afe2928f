namespace DocManager.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// The background job queue kept in the database and the runner that works it; features add
    /// their own <see cref="IJobHandler"/>s.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddScoped<JobScheduler>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());
        return services;
    }
}
