namespace DocManager.Security;

/// <summary>Configuration section `Security`.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Cookies are sent only over HTTPS. Browsers treat http://localhost as secure, so the
    /// default works locally; set false only for plain-HTTP private networks.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    public static SecurityOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SecurityOptions>() ?? new SecurityOptions();
}
