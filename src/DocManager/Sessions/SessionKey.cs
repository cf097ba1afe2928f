using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DocManager.Sessions;

/// <summary>The random key a session cookie refers to, and the hash under which its record is kept.</summary>
public static class SessionKey
{
    /// <summary>256 bits from the operating system's CSPRNG.</summary>
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a value has the shape of a record id (64 lower-case hex characters).</summary>
    public static bool IsRecordId(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string RecordId(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
