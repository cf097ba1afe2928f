namespace DocManager.Hosting;

/// <summary>
/// What an instance does (`Instance:Role`): everything (the embedded default), only serve users, or
/// only run background work. Web and worker instances share one database, Redis and file store, so
/// previews and text extraction can run on machines of their own (docs/decisions/0020).
/// </summary>
public enum InstanceRole
{
    /// <summary>Serves users and runs the background work: one instance is a whole deployment.</summary>
    All,

    /// <summary>Serves users; the jobs it enqueues are run by worker instances.</summary>
    Web,

    /// <summary>Runs the job queue and the integrity check; answers only the health probes.</summary>
    Worker,
}

public static class InstanceRoles
{
    public const string Key = "Instance:Role";

    /// <summary>The configured role; an unknown value stops the start, since guessing could leave jobs unrun.</summary>
    public static InstanceRole GetInstanceRole(this IConfiguration configuration) => configuration[Key]?.Trim().ToUpperInvariant() switch
    {
        null or "" or "ALL" => InstanceRole.All,
        "WEB" => InstanceRole.Web,
        "WORKER" => InstanceRole.Worker,
        _ => throw new InvalidOperationException($"{Key} must be all, web or worker; it is '{configuration[Key]}'."),
    };

    /// <summary>Pages, the API and downloads are mapped, and uploads are staged here.</summary>
    public static bool ServesUsers(this InstanceRole role) => role != InstanceRole.Worker;

    /// <summary>The job runner and the integrity check's timer run here.</summary>
    public static bool RunsBackgroundWork(this InstanceRole role) => role != InstanceRole.Web;
}
