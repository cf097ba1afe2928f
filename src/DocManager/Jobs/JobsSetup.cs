using DocManager.Hosting;

namespace DocManager.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// The background job queue kept in the database and, unless the instance is web-only, the runner
    /// that works it; features add their own <see cref="IJobHandler"/>s. With Redis, enqueuing wakes
    /// the runners of every instance; without it, other instances poll (`Jobs:PollInterval`).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var runsJobs = configuration.GetInstanceRole().RunsBackgroundWork();
        services.AddScoped<JobScheduler>();
        services.AddSingleton<JobSignal>();
        if (configuration.UsesRedis())
        {
            services.AddSingleton<RedisJobWakeUp>();
            services.AddSingleton<IJobWakeUp>(provider => provider.GetRequiredService<RedisJobWakeUp>());
            if (runsJobs)
            {
                services.AddHostedService(provider => provider.GetRequiredService<RedisJobWakeUp>());
            }
        }
        else
        {
            services.AddSingleton<IJobWakeUp, LocalJobWakeUp>();
        }

        if (runsJobs)
        {
            services.AddSingleton<JobRunner>();
            services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());
        }

        return services;
    }
}
