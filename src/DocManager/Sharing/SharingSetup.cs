namespace DocManager.Sharing;

public static class SharingSetup
{
    /// <summary>Read-only shares of a document with other users (the pages map themselves).</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddScoped<ShareService>();
        return services;
    }
}
