using DocManager.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Sessions;

/// <summary>
/// One signed-in browser. The cookie holds only an encrypted random key; this record, found by
/// the key's hash, holds the identity. Deleting it signs that browser out at once.
/// </summary>
public sealed class ServerSession
{
    /// <summary>SHA-256 of the cookie's key (hex): a database or Redis dump cannot be replayed as a cookie.</summary>
    public required string Id { get; set; }

    public int UserId { get; set; }

    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>The absolute end of the session (7 days, or 30 with "remember me").</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The User-Agent it signed in with, shortened; shown on the settings page.</summary>
    public string? Client { get; set; }

    public string? IpAddress { get; set; }

    public bool IsExpired(DateTime now, TimeSpan idleTimeout) =>
        now >= ExpiresAt || now - LastSeenAt >= idleTimeout;
}

internal sealed class ServerSessionConfiguration : IEntityTypeConfiguration<ServerSession>
{
    public void Configure(EntityTypeBuilder<ServerSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.Client).HasMaxLength(ServerSessionLimits.ClientLength);
        session.Property(s => s.IpAddress).HasMaxLength(45);
        session.HasIndex(s => s.UserId);
        session.HasIndex(s => s.ExpiresAt);
        session.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class ServerSessionLimits
{
    public const int ClientLength = 256;
}
