using DocManager.Data;

namespace DocManager.Search;

public static class SearchSetup
{
    /// <summary>The full-text index of the configured database and the ranked search over it.</summary>
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
        return services;
    }
}
