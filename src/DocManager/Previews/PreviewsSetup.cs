using DocManager.Jobs;

namespace DocManager.Previews;

public static class PreviewsSetup
{
    /// <summary>
    /// Previews of documents (SPEC §8): made by a background job — by external programs contained in
    /// their own processes, or by Skia for images — kept in the file store, and served by
    /// <see cref="MapPreviews"/>.
    /// </summary>
    public static IServiceCollection AddPreviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PreviewOptions>().Bind(configuration.GetSection(PreviewOptions.Section));
        services.AddSingleton<ContainedPrograms>();
        services.AddSingleton<PdfRasterizer>();
        services.AddSingleton<ImageThumbnailer>();
        services.AddSingleton<OfficeConverter>();
        services.AddSingleton<PreviewMaker>();
        services.AddSingleton<PreviewFiles>();
        services.AddScoped<FileWork>();
        services.AddSingleton<DocumentViewer>();
        services.AddScoped<IJobHandler, MakePreviewJob>();
        return services;
    }

    /// <summary>`GET /documents/{id}/thumbnail` and `/documents/{id}/pages/{n}`.</summary>
    public static IEndpointRouteBuilder MapPreviews(this IEndpointRouteBuilder endpoints) => PreviewEndpoints.Map(endpoints);
}
