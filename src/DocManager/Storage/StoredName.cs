using System.Security.Cryptography;

namespace DocManager.Storage;

/// <summary>
/// Generated names for stored files: 32 lower-case hex characters from the CSPRNG. Nothing a client
/// sends ever becomes part of a path, so path traversal is impossible by construction.
/// </summary>
public static class StoredName
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True only for names this app generates; anything else is refused before touching the disk.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: 32 } && name.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string RequireValid(string name) =>
        IsValid(name) ? name : throw new ArgumentException("Not a stored file name.", nameof(name));
}
