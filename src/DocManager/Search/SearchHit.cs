using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Search;

/// <summary>
/// One row of a full-text match, read with raw SQL from the provider's index (FTS5 or tsvector)
/// and composed into ordinary LINQ queries: which document, whether its title matched, how well.
/// </summary>
public sealed class SearchHit
{
    public int DocumentId { get; set; }

    /// <summary>1 when the title itself matched: such hits are listed first.</summary>
    public int TitleMatch { get; set; }

    /// <summary>Relevance: higher is better.</summary>
    public double Rank { get; set; }
}

internal sealed class SearchHitConfiguration : IEntityTypeConfiguration<SearchHit>
{
    public void Configure(EntityTypeBuilder<SearchHit> hit) => hit.HasNoKey().ToView(null);
}
