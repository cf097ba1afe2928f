namespace DocManager.History;

public static class HistorySetup
{
    /// <summary>The history of each document (SPEC §9): recorded by every change, shown to the owner.</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services)
    {
        services.AddScoped<HistoryRecorder>();
        return services;
    }
}
