using DocManager.Accounts;
using DocManager.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.History;

/// <summary>
/// One change to a document, or one read of it by someone other than its owner (SPEC §9 "History"):
/// written in the same transaction as the change, kept with the document and deleted with it.
/// </summary>
public sealed class DocumentEvent
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who did it; null for the system, or once that account is gone.</summary>
    public int? ActorId { get; set; }

    /// <summary>One of <see cref="DocumentActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What changed, as JSON (the fields with old and new values, a version's number, a viewer); null when the action says it all.</summary>
    public string? Details { get; set; }
}

internal sealed class DocumentEventConfiguration : IEntityTypeConfiguration<DocumentEvent>
{
    public void Configure(EntityTypeBuilder<DocumentEvent> documentEvent)
    {
        documentEvent.Property(e => e.Action).HasMaxLength(32);
        documentEvent.Property(e => e.Details).HasMaxLength(20_000);
        // Newest first for one document: the history page's only query.
        documentEvent.HasIndex(e => new { e.DocumentId, e.Id });
        documentEvent.HasOne<Document>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        documentEvent.HasOne<User>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The actions a history shows (SPEC §9); links add theirs in a later release.</summary>
public static class DocumentActions
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string FileReplaced = "file-replaced";
    public const string VersionRestored = "version-restored";
    public const string VersionDeleted = "version-deleted";
    public const string Shared = "shared";
    public const string Unshared = "unshared";
    public const string Downloaded = "downloaded";
}
