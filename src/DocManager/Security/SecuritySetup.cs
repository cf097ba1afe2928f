using Microsoft.AspNetCore.Mvc;

namespace DocManager.Security;

public static class SecuritySetup
{
    public const string CsrfHeaderName = "X-CSRF-TOKEN";

    /// <summary>Anti-forgery for forms (hidden field) and scripts (header), with cookies that follow `Security:SecureCookies`.</summary>
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        // These two cookies grant nothing by themselves (the anti-forgery token is useless without
        // the page's matching token and the session), so they follow the request's scheme: the
        // anti-forgery system refuses to run on plain http://localhost with an always-Secure cookie.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = CsrfHeaderName;
            antiforgery.FormFieldName = "__RequestVerificationToken";
            antiforgery.Cookie.Name = "docmanager.csrf";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = "docmanager.notice";
            tempData.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            tempData.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();

    public static IApplicationBuilder UsePostRedirectGet(this IApplicationBuilder app) => app.UseMiddleware<PostRedirectGet>();
}
