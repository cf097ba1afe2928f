namespace DocManager.Tests.Infrastructure;

/// <summary>
/// Settings under which the integrity check runs only when a test calls it, not when the test moves the
/// clock by an hour or so (a timer delay must stay under 2^31 ms, hence days, not a year).
/// </summary>
public static class ManualIntegrityCheckSettings
{
    public static IReadOnlyDictionary<string, string?> Value { get; } = new Dictionary<string, string?>
    {
        ["Integrity:FirstRunAfter"] = "20.00:00:00",
    };
}
