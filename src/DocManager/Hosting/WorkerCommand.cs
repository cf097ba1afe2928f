namespace DocManager.Hosting;

/// <summary>
/// `DocManager worker [--Key=value…]` starts an instance that only runs background work: the same as
/// `Instance:Role=worker`, spelled as a command so a process manager's unit reads like what it does.
/// </summary>
public static class WorkerCommand
{
    public const string Name = "worker";

    /// <summary>
    /// The configuration arguments for the command line: with the command first, the role is appended
    /// after the rest, so it wins over any `Instance:Role` given in settings or the environment.
    /// </summary>
    public static string[] ConfigurationArgs(string[] args) =>
        args is [Name, .. var rest] ? [.. rest, $"--{InstanceRoles.Key}=worker"] : args;
}
