using DocManager.Hosting;

namespace DocManager.Intake;

public static class IntakeSetup
{
    /// <summary>
    /// Uploads: the streaming reader, the intake that turns files into documents, its limits
    /// (section `Limits`) and the sweep of stale staged files, on instances that take uploads (not
    /// worker-only ones, which stage nothing).
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadLimits>().Bind(configuration.GetSection(UploadLimits.Section));
        services.AddScoped<UploadReader>();
        services.AddScoped<IntakeService>();
        if (configuration.GetInstanceRole().ServesUsers())
        {
            services.AddSingleton<StagingSweeper>();
            services.AddHostedService(provider => provider.GetRequiredService<StagingSweeper>());
        }

        return services;
    }
}
