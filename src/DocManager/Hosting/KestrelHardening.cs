namespace DocManager.Hosting;

public static class KestrelHardening
{
    /// <summary>
    /// No version banner on any response. Kestrel already listens on http://localhost:5000
    /// when `Urls` is not configured, and answers oversized headers with 431.
    /// </summary>
    public static WebApplicationBuilder UseHardenedKestrel(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }
}
