using DocManager.Hosting;
using DocManager.Intake;
using DocManager.Notifications;
using DocManager.Sharing;
using DocManager.Storage;

namespace DocManager.Documents;

public static class DocumentsSetup
{
    /// <summary>Documents, their intake and sharing, the file-store housekeeping jobs.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Limits>().Bind(configuration.GetSection(Limits.Section));
        services.AddScoped<DocumentWriter>();
        services.AddScoped<ShareService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<QuotaWarning>();
        services.AddSingleton<LocalNotificationBus>();
        if (configuration.UsesRedis())
        {
            // Several instances: a notification raised on one must reach streams held by the others.
            services.AddSingleton<RedisNotificationBus>();
            services.AddSingleton<INotificationBus>(provider => provider.GetRequiredService<RedisNotificationBus>());
            services.AddHostedService(provider => provider.GetRequiredService<RedisNotificationBus>());
        }
        else
        {
            services.AddSingleton<INotificationBus>(provider => provider.GetRequiredService<LocalNotificationBus>());
        }

        services.AddScoped<UploadReader>();
        services.AddScoped<IntakeService>();
        services.AddSingleton<StagingSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StagingSweeper>());
        services.AddSingleton<IntegrityReport>();
        services.AddSingleton<IntegrityRunLock>();
        services.AddSingleton<IntegrityCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<IntegrityCheck>());
        return services;
    }
}
