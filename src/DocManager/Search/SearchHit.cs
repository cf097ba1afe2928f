using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Search;

/// <summary>
/// One row of a full-text match, read with raw SQL from the provider's index (FTS5 or tsvector)
/// and composed into ordinary LINQ queries: which document, and in which of its fields every term
/// of the search occurs. These are facts about the document alone; what they are worth is decided
/// in one place, <see cref="RankedSearch"/>.
/// </summary>
public sealed class SearchHit
{
    public int DocumentId { get; set; }

    public bool InTitle { get; set; }

    public bool InTagsOrDescription { get; set; }

    public bool InFileName { get; set; }
}

internal sealed class SearchHitConfiguration : IEntityTypeConfiguration<SearchHit>
{
    public void Configure(EntityTypeBuilder<SearchHit> hit) => hit.HasNoKey().ToView(null);
}
