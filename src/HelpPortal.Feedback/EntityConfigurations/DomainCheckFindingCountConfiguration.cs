using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class DomainCheckFindingCountConfiguration : IEntityTypeConfiguration<DomainCheckFindingCount>
{
    public void Configure(EntityTypeBuilder<DomainCheckFindingCount> builder)
    {
        builder.ToTable("DomainCheckFindingCounts");
        // The key is what DomainCheckLog's upsert conflicts on: one counter per day and code.
        builder.HasKey(c => new { c.Day, c.Code });
        builder.Property(c => c.Code).HasMaxLength(64);
    }
}
