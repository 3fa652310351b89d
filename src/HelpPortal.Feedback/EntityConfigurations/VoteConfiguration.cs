using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Feedback.EntityConfigurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("Votes");
        builder.Property(v => v.VisitorId).HasMaxLength(64);
        builder.Property(v => v.Lang).HasMaxLength(8);
        builder.Property(v => v.Slug).HasMaxLength(200);
        builder.Property(v => v.Revision).HasMaxLength(64);
        builder.Property(v => v.Reason).HasMaxLength(32);
        builder.Property(v => v.Comment).HasMaxLength(VoteReasons.MaxCommentLength);
        builder.Property(v => v.NetworkHash).HasMaxLength(VoterNetworks.HashLength);
        // The upsert in VoteStore targets exactly this index: one vote per visitor per article.
        builder.HasIndex(v => new { v.VisitorId, v.Lang, v.Slug }).IsUnique();
        builder.HasIndex(v => new { v.Lang, v.Slug, v.Revision });
        builder.HasIndex(v => v.UpdatedUtc);
        // A cookie-less vote looks for the same network's latest vote on the article.
        builder.HasIndex(v => new { v.NetworkHash, v.Lang, v.Slug });
    }
}
