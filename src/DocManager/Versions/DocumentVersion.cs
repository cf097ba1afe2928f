using DocManager.Accounts;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Versions;

/// <summary>
/// One stored file of a document (SPEC §9): version 1 is the first upload, each replacement or restore
/// adds the next number. The document's own file columns always describe its current version, so
/// lists, search, previews and downloads read one row; the versions are the file's whole past.
/// </summary>
public sealed class DocumentVersion
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>1, 2, 3… per document, never reused, so `?version=N` always means the same bytes.</summary>
    public int Number { get; set; }

    /// <summary>Generated name of the stored file (see <see cref="Storage.StoredName"/>).</summary>
    public required string StoredName { get; set; }

    public required string OriginalName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Who stored it; null once that account is gone.</summary>
    public int? CreatedById { get; set; }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> version)
    {
        version.Property(v => v.StoredName).HasMaxLength(32);
        version.Property(v => v.OriginalName).HasMaxLength(255);
        version.Property(v => v.ContentType).HasMaxLength(128);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        version.HasIndex(v => v.StoredName).IsUnique();
        version.HasOne<Document>().WithMany(d => d.Versions).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        version.HasOne<User>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
