using System.Text.RegularExpressions;

namespace DocManager.Accounts;

/// <summary>The account rules of SPEC §1, in one place for the pages, the API and the tests.</summary>
public static partial class UserNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 32;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedCharacters();

    /// <summary>The first problem with a user name, or null when it is acceptable.</summary>
    public static string? Check(string? userName)
    {
        var name = userName?.Trim() ?? "";
        if (name.Length == 0)
        {
            return "Username required";
        }

        if (name.Length < MinLength)
        {
            return $"Username must be at least {MinLength} characters";
        }

        if (name.Length > MaxLength)
        {
            return $"Username must be at most {MaxLength} characters";
        }

        return AllowedCharacters().IsMatch(name)
            ? null
            : "Username may contain only letters, digits, '_', '.' and '-'";
    }

    /// <summary>The first problem with a new password, or null when it is acceptable.</summary>
    public static string? CheckPassword(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Password required";
        }

        if (password.Length < MinPasswordLength)
        {
            return $"Password must be at least {MinPasswordLength} characters";
        }

        return password.Length > MaxPasswordLength
            ? $"Password must be at most {MaxPasswordLength} characters"
            : null;
    }
}
