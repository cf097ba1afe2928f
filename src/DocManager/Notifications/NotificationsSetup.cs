using DocManager.Hosting;

namespace DocManager.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Notifications kept per user and pushed live to open streams. With Redis, a notification raised
    /// on one instance is fanned out to streams held by every other; alone, an in-process bus does.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationService>();
        services.AddSingleton<LocalNotificationBus>();
        if (configuration.UsesRedis())
        {
            services.AddSingleton<RedisNotificationBus>();
            services.AddSingleton<INotificationBus>(provider => provider.GetRequiredService<RedisNotificationBus>());
            services.AddHostedService(provider => provider.GetRequiredService<RedisNotificationBus>());
        }
        else
        {
            services.AddSingleton<INotificationBus>(provider => provider.GetRequiredService<LocalNotificationBus>());
        }

        return services;
    }
}
