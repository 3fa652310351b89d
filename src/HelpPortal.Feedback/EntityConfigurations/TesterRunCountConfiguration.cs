using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class TesterRunCountConfiguration : IEntityTypeConfiguration<TesterRunCount>
{
    public void Configure(EntityTypeBuilder<TesterRunCount> builder)
    {
        builder.ToTable("TesterRunCounts");
        // The key is what TesterRunLog's upsert conflicts on: one counter per day and diagnosis.
        builder.HasKey(c => new { c.Day, c.Diagnosis });
        builder.Property(c => c.Diagnosis).HasMaxLength(64);
    }
}
