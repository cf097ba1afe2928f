using DocManager.Accounts;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Sharing;

/// <summary>Read-only access to one document for one other user.</summary>
public sealed class Share
{
    public int DocumentId { get; set; }

    public Document Document { get; set; } = null!;

    public int UserId { get; set; }

    public User User { get; set; } = null!;

    public DateTime CreatedAt { get; set; }
}

internal sealed class ShareConfiguration : IEntityTypeConfiguration<Share>
{
    public void Configure(EntityTypeBuilder<Share> share)
    {
        share.HasKey(s => new { s.DocumentId, s.UserId });
        share.HasOne(s => s.Document).WithMany(d => d.Shares).HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        share.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        share.HasIndex(s => new { s.UserId, s.DocumentId });
    }
}
