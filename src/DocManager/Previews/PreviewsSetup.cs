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
        services.AddOptions<PreviewOptions>()
            .Bind(configuration.GetSection(PreviewOptions.Section))
            .Validate(o => o.MaxPages is >= 1 and <= Storage.StoredName.MaxPreviewPage, $"Previews:MaxPages must be from 1 to {Storage.StoredName.MaxPreviewPage}.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Previews:Timeout must be longer than zero.")
            .Validate(o => o.Concurrency is >= 1 and <= 64, "Previews:Concurrency must be from 1 to 64.")
            .Validate(o => o.MemoryLimitMegabytes >= 64, "Previews:MemoryLimitMegabytes must be at least 64.")
            .Validate(o => o.CpuLimitSeconds >= 1, "Previews:CpuLimitSeconds must be at least 1.")
            .Validate(o => o.MaxPixels >= 1, "Previews:MaxPixels must be at least 1.")
            .ValidateOnStart();
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
