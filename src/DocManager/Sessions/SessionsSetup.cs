using DocManager.Data;
using DocManager.Hosting;
using DocManager.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DocManager.Sessions;

public static class SessionsSetup
{
    public const string CookieName = "docmanager.session";

    /// <summary>
    /// Cookie authentication whose tickets live server-side (database or Redis), and the
    /// data-protection keys that encrypt cookies and anti-forgery tokens, shared by all instances.
    /// </summary>
    public static IServiceCollection AddServerSessions(this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory)
    {
        services.AddOptions<ServerSessionOptions>().Bind(configuration.GetSection(ServerSessionOptions.Section));
        services.AddSingleton<ServerSideTicketStore>();
        var security = SecurityOptions.From(configuration);

        if (configuration.UsesRedis())
        {
            services.AddScoped<ISessionStore, RedisSessionStore>();
        }
        else
        {
            services.AddScoped<DatabaseSessionStore>();
            services.AddScoped<ISessionStore>(provider => provider.GetRequiredService<DatabaseSessionStore>());
            services.AddHostedService<ExpiredSessionSweeper>();
        }

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.Path = "/";
                cookie.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.None;
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.ReturnUrlParameter = "returnUrl";
                // The idle limit is enforced by the server-side record; the ticket's own expiry is the absolute limit.
                cookie.SlidingExpiration = false;
                cookie.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => ApiAwareRedirects.ToLogin(context),
                    OnRedirectToAccessDenied = context => ApiAwareRedirects.ToAccessDenied(context),
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSideTicketStore, IOptions<ServerSessionOptions>>((cookie, store, lifetimes) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = lifetimes.Value.AbsoluteLifetime;
            });

        var keys = services.AddDataProtection().SetApplicationName("DocManager");
        if (configuration.UsesRedis())
        {
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer, RedisKeys>((options, redis, redisKeys) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), redisKeys.DataProtectionKeys));
        }
        else if (configuration.UsesPostgres())
        {
            keys.PersistKeysToDbContext<AppDbContext>();
        }
        else
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.Folder("keys")));
        }

        return services;
    }

    /// <summary>Signs the user in with a brand-new server-side session (never reusing an old identifier).</summary>
    public static async Task SignInWithNewSessionAsync(this HttpContext httpContext, Accounts.User user, bool rememberMe)
    {
        var lifetimes = httpContext.RequestServices.GetRequiredService<IOptions<ServerSessionOptions>>().Value;
        var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        var lifetime = rememberMe ? lifetimes.RememberMeLifetime : lifetimes.AbsoluteLifetime;

        // The store issues a new key for every sign-in; the session this browser already had is
        // ended here, so an old (or planted) identifier never survives a sign-in.
        if (httpContext.User.GetSessionId() is { } previous)
        {
            await httpContext.RequestServices.GetRequiredService<ISessionStore>().RemoveAsync(previous, httpContext.RequestAborted);
        }

        // The cookie handler that authenticated this request remembers the old session key and, on
        // sign-in, would only renew that (now deleted) record, leaving the browser signed out. A fresh
        // handler instance has no key, finds no live session, and stores a new one under a new key.
        var schemes = httpContext.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        var scheme = await schemes.GetSchemeAsync(CookieAuthenticationDefaults.AuthenticationScheme)
            ?? throw new InvalidOperationException("The session cookie scheme is not registered.");
        var handler = (IAuthenticationSignInHandler)httpContext.RequestServices.GetRequiredService(scheme.HandlerType);
        await handler.InitializeAsync(scheme, httpContext);
        await handler.SignInAsync(
            Accounts.UserPrincipal.Create(user),
            new AuthenticationProperties
            {
                IsPersistent = rememberMe,
                IssuedUtc = clock.GetUtcNow(),
                ExpiresUtc = clock.GetUtcNow() + lifetime,
                AllowRefresh = false,
            });
    }
}
