using DocManager.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Extraction;

/// <summary>The text found inside a document's file, kept for the search index and its snippets.</summary>
public sealed class DocumentText
{
    public int DocumentId { get; set; }

    public required string Text { get; set; }

    /// <summary>True when the file held more text than is kept (see <see cref="ExtractionLimits"/>).</summary>
    public bool Truncated { get; set; }

    public DateTime ExtractedAt { get; set; }
}

internal sealed class DocumentTextConfiguration : IEntityTypeConfiguration<DocumentText>
{
    public void Configure(EntityTypeBuilder<DocumentText> text)
    {
        text.HasKey(t => t.DocumentId);
        text.HasOne<Document>().WithOne().HasForeignKey<DocumentText>(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
