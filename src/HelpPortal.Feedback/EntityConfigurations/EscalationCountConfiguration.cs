using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class EscalationCountConfiguration : IEntityTypeConfiguration<EscalationCount>
{
    public void Configure(EntityTypeBuilder<EscalationCount> builder)
    {
        builder.ToTable("EscalationCounts");
        // The key is what EscalationLog's upsert conflicts on: one counter per day, article and code.
        builder.HasKey(c => new { c.Day, c.Lang, c.Slug, c.Diagnosis });
        builder.Property(c => c.Lang).HasMaxLength(8);
        builder.Property(c => c.Slug).HasMaxLength(200);
        builder.Property(c => c.Diagnosis).HasMaxLength(64);
    }
}
