using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Accounts;

public sealed class User
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>Upper-cased user name: the unique key, so `Alice` and `alice` are one account.</summary>
    public required string NormalizedUserName { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>PBKDF2 hash in ASP.NET Core Identity's format (algorithm, iterations and salt included).</summary>
    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Bytes of stored files; changed only together with the rows it counts, in one transaction.</summary>
    public long StorageUsed { get; set; }

    /// <summary>Documents owned (notes included), kept beside <see cref="StorageUsed"/> for the same reason.</summary>
    public int DocumentCount { get; set; }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.UserName).HasMaxLength(UserNameRules.MaxLength);
        user.Property(u => u.NormalizedUserName).HasMaxLength(UserNameRules.MaxLength);
        user.HasIndex(u => u.NormalizedUserName).IsUnique();
        user.Property(u => u.DisplayName).HasMaxLength(64);
        user.Property(u => u.Email).HasMaxLength(254);
        user.Property(u => u.PasswordHash).HasMaxLength(512);
    }
}
