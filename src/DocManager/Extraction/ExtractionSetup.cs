using DocManager.Jobs;

namespace DocManager.Extraction;

public static class ExtractionSetup
{
    /// <summary>Text taken out of each uploaded file by a background job, for search and snippets.</summary>
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExtractionLimits>().Bind(configuration.GetSection(ExtractionLimits.Section));
        services.AddSingleton<TextExtractor>();
        services.AddScoped<IJobHandler, ExtractTextJob>();
        return services;
    }
}
