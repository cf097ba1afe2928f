namespace DocManager.Accounts;

/// <summary>Failed sign-ins allowed before sign-in is refused with 429 (configuration section `SignInThrottle`).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignInThrottle";

    public int FailuresPerAccount { get; set; } = 5;

    public int FailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
