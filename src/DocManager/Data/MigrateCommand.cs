namespace DocManager.Data;

/// <summary>
/// `DocManager migrate [--Key=value…]` brings the database schema up to date and exits, so a
/// rollout can migrate once before any new instance starts (docs/deployment.md). Instances started
/// with `Database:MigrateOnStart=false` then only check that the schema is current.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    /// <summary>True when the first argument is the command; the rest are the usual configuration arguments.</summary>
    public static bool IsRequested(string[] args, out string[] configurationArgs)
    {
        if (args is [Name, ..])
        {
            configurationArgs = args[1..];
            return true;
        }

        configurationArgs = args;
        return false;
    }
}
