using System.Globalization;
using System.Text.RegularExpressions;
using DocManager.Tests.Infrastructure;
using Npgsql;

namespace DocManager.Tests.ScaleOut;

/// <summary>Worker instances beside a <see cref="WebOnlyCluster"/>, and what the shared database and their logs say about jobs.</summary>
public static partial class WorkerSteps
{
    /// <summary>The log level that makes the job runner log every job it ran.</summary>
    public const string JobLogLevel = "Logging:LogLevel:DocManager.Jobs";

    /// <summary>A job row as the test sees it.</summary>
    public sealed record JobRow(long Id, int? DocumentId, int Attempts, string? LockedBy);

    /// <summary>Starts `DocManager worker` on the cluster's shared state, logging every job it runs.</summary>
    public static Task<AppProcess> StartWorkerAsync(this Cluster cluster, string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { [JobLogLevel] = "Debug" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return cluster.StartInstanceAsync(name, all, command: "worker");
    }

    /// <summary>The ids of the jobs of <paramref name="kind"/> this instance logged as run, with the attempt each was.</summary>
    public static IReadOnlyList<(long JobId, int Attempt)> RanJobs(this AppProcess instance, string kind) =>
        [.. RanJob().Matches(instance.Output).Where(m => m.Groups["kind"].Value == kind)
            .Select(m => (long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["attempt"].Value, CultureInfo.InvariantCulture)))];

    /// <summary>True when the job was claimed by this instance (its worker id carries the process id).</summary>
    public static bool HeldBy(this JobRow job, AppProcess instance) =>
        job.LockedBy?.Contains(string.Create(CultureInfo.InvariantCulture, $":{instance.ProcessId}:"), StringComparison.Ordinal) == true;

    public static async Task<List<JobRow>> JobsAsync(this Cluster cluster)
    {
        var jobs = new List<JobRow>();
        await using var rows = await QueryAsync(cluster, """SELECT "Id", "DocumentId", "Attempts", "LockedBy" FROM "Jobs" ORDER BY "Id" """);
        while (await rows.ReadAsync(TestContext.Current.CancellationToken))
        {
            jobs.Add(new JobRow(rows.GetInt64(0), rows.IsDBNull(1) ? null : rows.GetInt32(1), rows.GetInt32(2), rows.IsDBNull(3) ? null : rows.GetString(3)));
        }

        return jobs;
    }

    /// <summary>
    /// The links of every "indexed" notification: an extraction job adds one each time it runs, so a
    /// document whose job ran twice would be listed twice.
    /// </summary>
    public static async Task<List<string>> IndexedNotificationLinksAsync(this Cluster cluster)
    {
        var links = new List<string>();
        await using var rows = await QueryAsync(cluster, """SELECT "Link" FROM "Notifications" WHERE "Kind" = 'indexed' ORDER BY "Id" """);
        while (await rows.ReadAsync(TestContext.Current.CancellationToken))
        {
            links.Add(rows.GetString(0));
        }

        return links;
    }

    /// <summary>Where the folder store keeps a document's file.</summary>
    public static async Task<string> StoredPathAsync(this Cluster cluster, int documentId)
    {
        await using var rows = await QueryAsync(cluster, """SELECT "StoredName" FROM "Documents" WHERE "Id" = @id""", documentId);
        Assert.True(await rows.ReadAsync(TestContext.Current.CancellationToken), $"document {documentId} has no row");
        var name = rows.GetString(0);
        return Path.Combine(cluster.FilesRoot, name[..2], name[2..4], name);
    }

    private static async Task<NpgsqlDataReader> QueryAsync(Cluster cluster, string sql, int? id = null)
    {
        var connection = new NpgsqlConnection(cluster.Environment.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id.Value);
        }

        // The reader closes the connection when it is disposed.
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.CloseConnection, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"Ran job (?<kind>[\w-]+) #(?<id>\d+) \(attempt (?<attempt>\d+)\)")]
    private static partial Regex RanJob();
}
