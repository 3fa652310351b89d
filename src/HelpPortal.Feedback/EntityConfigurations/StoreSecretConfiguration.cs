using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class StoreSecretConfiguration : IEntityTypeConfiguration<StoreSecret>
{
    public void Configure(EntityTypeBuilder<StoreSecret> builder)
    {
        builder.ToTable("StoreSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(64);
    }
}
