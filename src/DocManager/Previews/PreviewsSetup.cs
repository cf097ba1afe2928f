namespace DocManager.Previews;

public static class PreviewsSetup
{
    /// <summary>Previews of documents, made by external programs contained in background work.</summary>
    public static IServiceCollection AddPreviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PreviewOptions>().Bind(configuration.GetSection(PreviewOptions.Section));
        services.AddSingleton<ContainedPrograms>();
        services.AddSingleton<PdfRasterizer>();
        services.AddSingleton<ImageThumbnailer>();
        return services;
    }
}
