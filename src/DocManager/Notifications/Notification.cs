using DocManager.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Notifications;

/// <summary>A short message for one user: a document was shared with them, a file was indexed, storage is nearly full.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public int UserId { get; set; }

    /// <summary>`shared`, `indexed` or `storage`.</summary>
    public required string Kind { get; set; }

    public required string Message { get; set; }

    /// <summary>A local path the notification points to, such as `/documents/42`.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Kind).HasMaxLength(16);
        notification.Property(n => n.Message).HasMaxLength(500);
        notification.Property(n => n.Link).HasMaxLength(200);
        notification.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.HasIndex(n => new { n.UserId, n.Id });
    }
}
