using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class ContentGapMarkConfiguration : IEntityTypeConfiguration<ContentGapMark>
{
    public void Configure(EntityTypeBuilder<ContentGapMark> builder)
    {
        builder.ToTable("ContentGapMarks");
        builder.HasKey(m => new { m.Lang, m.GapKey });
        builder.Property(m => m.Lang).HasMaxLength(8);
        builder.Property(m => m.GapKey).HasMaxLength(SearchLog.MaxQueryLength);
        builder.Property(m => m.MarkedBy).HasMaxLength(256);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
    }
}
