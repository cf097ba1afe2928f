using DocManager.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Documents;

/// <summary>A document owned by one user: a note, or a note with one stored file.</summary>
public sealed class Document
{
    public int Id { get; set; }

    public int OwnerId { get; set; }

    public User Owner { get; set; } = null!;

    public required string Title { get; set; }

    /// <summary>The title folded for comparison (NFC, lower case): unique per owner, and the title sort key.</summary>
    public required string TitleKey { get; set; }

    public string Description { get; set; } = "";

    public string Category { get; set; } = DocumentRules.DefaultCategory;

    public string Priority { get; set; } = DocumentRules.DefaultPriority;

    public List<DocumentTag> Tags { get; set; } = [];

    public List<Sharing.Share> Shares { get; set; } = [];

    /// <summary>Every stored file of the document, the current one included (see <see cref="CurrentVersion"/>).</summary>
    public List<Versions.DocumentVersion> Versions { get; set; } = [];

    /// <summary>The number of the version the file columns describe; 0 for a note.</summary>
    public int CurrentVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Counts changes; the ETag of the document, so a stale edit is refused instead of overwriting a newer one.</summary>
    public int Version { get; set; } = 1;

    public string ETag => $"\"{Id}-{Version}\"";

    /// <summary>Generated name of the stored file; null for a note.</summary>
    public string? StoredName { get; set; }

    public string? OriginalName { get; set; }

    /// <summary>The type the content was verified to be, never the type the client claimed.</summary>
    public string? ContentType { get; set; }

    /// <summary>File size in bytes (0 for a note), so totals and size sorting need no null handling.</summary>
    public long Size { get; set; }

    public string? Sha256 { get; set; }

    /// <summary>Whether the thumbnail and page images exist yet (<see cref="Previews.PreviewState"/>).</summary>
    public string PreviewStatus { get; set; } = Previews.PreviewState.None;

    /// <summary>Page images made (1 for an image, up to `Previews:MaxPages` for a PDF, 0 for text).</summary>
    public int PreviewPages { get; set; }

    /// <summary>
    /// The random stem of the preview files' names in the store (see <see cref="Storage.StoredName.Preview"/>):
    /// new each time previews are made, so their URLs and ETags change with the images.
    /// </summary>
    public string? PreviewKey { get; set; }

    /// <summary>Why the previews could not be made, when <see cref="PreviewStatus"/> is failed.</summary>
    public string? PreviewError { get; set; }

    /// <summary>Whether the file's words are searchable yet (<see cref="Previews.PreviewState"/>).</summary>
    public string TextStatus { get; set; } = Previews.PreviewState.None;

    /// <summary>Where the searchable text came from (<see cref="Previews.TextSource"/>), once ready.</summary>
    public string? TextSource { get; set; }

    /// <summary>Why no text could be read, when <see cref="TextStatus"/> is failed.</summary>
    public string? TextError { get; set; }

    public bool HasFile => StoredName is not null;

    public bool IsOwnedBy(int userId) => OwnerId == userId;

    /// <summary>Adds a version of the file and makes it current: the file columns now describe it.</summary>
    public Versions.DocumentVersion AddCurrentVersion(FileFacts file, int number, int actorId, DateTime createdAt)
    {
        var version = new Versions.DocumentVersion
        {
            Number = number,
            StoredName = file.StoredName,
            OriginalName = file.OriginalName,
            ContentType = file.ContentType,
            Size = file.Size,
            Sha256 = file.Sha256,
            CreatedAt = createdAt,
            CreatedById = actorId,
        };
        Versions.Add(version);
        StoredName = file.StoredName;
        OriginalName = file.OriginalName;
        ContentType = file.ContentType;
        Size = file.Size;
        Sha256 = file.Sha256;
        CurrentVersion = number;
        return version;
    }

    public void SetTitle(string title)
    {
        Title = title;
        TitleKey = DocumentRules.TitleKey(title);
    }

    /// <summary>Changes the tag rows by difference, so unchanged tags keep their rows.</summary>
    public void SetTags(IEnumerable<string> tags)
    {
        var wanted = tags.ToList();
        Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        foreach (var tag in wanted.Where(w => Tags.TrueForAll(t => t.Tag != w)))
        {
            Tags.Add(new DocumentTag { Tag = tag });
        }
    }

    public IReadOnlyList<string> TagNames => [.. Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)];
}

public sealed class DocumentTag
{
    public int DocumentId { get; set; }

    public required string Tag { get; set; }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.Property(d => d.Title).HasMaxLength(DocumentRules.TitleMaxLength * 2);
        document.Property(d => d.TitleKey).HasMaxLength(DocumentRules.TitleMaxLength * 4);
        document.Property(d => d.Description).HasMaxLength(DocumentRules.DescriptionMaxLength * 2);
        document.Property(d => d.Category).HasMaxLength(16);
        document.Property(d => d.Priority).HasMaxLength(16);
        document.Property(d => d.StoredName).HasMaxLength(32);
        document.Property(d => d.OriginalName).HasMaxLength(255);
        document.Property(d => d.ContentType).HasMaxLength(128);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.PreviewStatus).HasMaxLength(8);
        document.Property(d => d.PreviewKey).HasMaxLength(32);
        document.Property(d => d.PreviewError).HasMaxLength(Previews.PreviewState.MaxErrorLength);
        document.Property(d => d.TextStatus).HasMaxLength(8);
        document.Property(d => d.TextSource).HasMaxLength(8);
        document.Property(d => d.TextError).HasMaxLength(Previews.PreviewState.MaxErrorLength);
        document.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        // Uniqueness of titles per owner is the database's job, so two simultaneous creates cannot both win.
        document.HasIndex(d => new { d.OwnerId, d.TitleKey }).IsUnique();
        document.HasIndex(d => new { d.OwnerId, d.CreatedAt, d.Id });
        document.HasIndex(d => new { d.OwnerId, d.Size, d.Id });
        document.HasIndex(d => d.StoredName).IsUnique();
        document.HasIndex(d => d.PreviewKey).IsUnique();
        document.HasMany(d => d.Tags).WithOne().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
        document.Ignore(d => d.HasFile);
        document.Ignore(d => d.TagNames);
        document.Ignore(d => d.ETag);
        document.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class DocumentTagConfiguration : IEntityTypeConfiguration<DocumentTag>
{
    public void Configure(EntityTypeBuilder<DocumentTag> tag)
    {
        tag.HasKey(t => new { t.DocumentId, t.Tag });
        tag.Property(t => t.Tag).HasMaxLength(DocumentRules.TagMaxLength * 2);
        tag.HasIndex(t => new { t.Tag, t.DocumentId });
    }
}
