using DocManager.Hosting;
using Microsoft.AspNetCore.Identity;

namespace DocManager.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<SignInThrottle>();
        if (configuration.UsesRedis())
        {
            services.AddSingleton<IFailureCounter, RedisFailureCounter>();
        }
        else
        {
            services.AddSingleton<IFailureCounter, LocalFailureCounter>();
        }

        return services;
    }
}
