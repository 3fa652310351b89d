using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class SearchQueryConfiguration : IEntityTypeConfiguration<SearchQuery>
{
    public void Configure(EntityTypeBuilder<SearchQuery> builder)
    {
        builder.ToTable("SearchQueries");
        builder.Property(q => q.Query).HasMaxLength(SearchLog.MaxQueryLength);
        builder.Property(q => q.Lang).HasMaxLength(8);
        builder.Property(q => q.OpenedSlug).HasMaxLength(200);
        builder.HasIndex(q => q.SearchedUtc);
    }
}
