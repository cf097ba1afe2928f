using DocManager.Data;
using DocManager.Extraction;
using DocManager.Jobs;

namespace DocManager.Search;

public static class SearchSetup
{
    /// <summary>The full-text index of the configured database, text extraction and the job worker that runs it.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.UsesPostgres())
        {
            services.AddScoped<ISearchIndex, PostgresSearchIndex>();
        }
        else
        {
            services.AddScoped<ISearchIndex, SqliteSearchIndex>();
        }

        services.AddScoped<SearchService>();
        services.AddOptions<ExtractionLimits>().Bind(configuration.GetSection(ExtractionLimits.Section));
        services.AddSingleton<TextExtractor>();
        services.AddScoped<IJobHandler, ExtractTextJob>();
        services.AddScoped<JobScheduler>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());
        return services;
    }
}
