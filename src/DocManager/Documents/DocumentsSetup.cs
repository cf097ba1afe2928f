namespace DocManager.Documents;

public static class DocumentsSetup
{
    /// <summary>Documents and the rules every change to them goes through (the pages map themselves).</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentLimits>().Bind(configuration.GetSection(DocumentLimits.Section));
        services.AddScoped<DocumentWriter>();
        services.AddScoped<QuotaWarning>();
        return services;
    }
}
