using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class LimitCountConfiguration : IEntityTypeConfiguration<LimitCount>
{
    public void Configure(EntityTypeBuilder<LimitCount> builder)
    {
        builder.ToTable("LimitCounts");
        builder.HasKey(c => new { c.Key, c.Bucket });
        builder.Property(c => c.Key).HasMaxLength(StoreLimitCounter.MaxKeyLength);
        // The sweep of buckets no window still covers goes by time alone.
        builder.HasIndex(c => c.Bucket);
    }
}
