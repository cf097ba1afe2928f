using System.Data.Common;
using DocManager.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DocManager.Data;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Registers <see cref="AppDbContext"/> on the provider named by `Database:Provider`.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory)
    {
        var provider = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = SqliteConnectionString(dataDirectory);
            var busyTimeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(10));
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(options => LogFailuresOnce(options.UseSqlite(connectionString).AddInterceptors(busyTimeout)));
        }
        else if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            }

            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(options => LogFailuresOnce(options.UseNpgsql(WithBoundedConnectTimeout(connectionString))));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}'.");
        }

        return services;
    }

    /// <summary>
    /// A failed command or connection surfaces as an exception that whoever catches it logs (the
    /// error handler, a job's retry): EF Core's own error lines for it would say the same thing
    /// twice or three times, and turn an expected, handled race (a unique index) into an error.
    /// </summary>
    private static DbContextOptionsBuilder LogFailuresOnce(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// Npgsql waits up to 15 s to connect; a server that does not answer should cost a request less
    /// (it answers 503 at once rather than hang). A `Timeout` the connection string sets itself is kept.
    /// </summary>
    internal static string WithBoundedConnectTimeout(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 }.ConnectionString;

    public static bool UsesPostgres(this IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], Postgres, StringComparison.OrdinalIgnoreCase);

    internal static string SqliteConnectionString(DataDirectory dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory.Root, "docmanager.db")}";

    /// <summary>
    /// Brings the schema up to date before the first request. EF Core holds a migration lock,
    /// so several instances starting together apply each migration once. With
    /// `Database:MigrateOnStart=false` (rollouts that run `DocManager migrate` first) an instance
    /// only checks the schema, and refuses to start on one it does not know.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await app.MigrateDatabaseAsync();
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database schema is behind this version ({pending.Count} pending migrations, the first {pending[0]}): " +
                $"run `DocManager {MigrateCommand.Name}` with the same configuration, or start with Database:MigrateOnStart=true.");
        }
    }

    /// <summary>Applies every pending migration.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
