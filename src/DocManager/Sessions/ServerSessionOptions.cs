namespace DocManager.Sessions;

/// <summary>Session lifetimes (configuration section `Sessions`).</summary>
public sealed class ServerSessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session unused for this long is over.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>However active, a session ends this long after sign-in.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The absolute lifetime when the user ticks "remember me".</summary>
    public TimeSpan RememberMeLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// "Last seen" is written at most this often, so an active browser costs one read per
    /// request, not a write.
    /// </summary>
    public TimeSpan ActivityWriteInterval { get; set; } = TimeSpan.FromMinutes(1);
}
