using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>
/// The portal's store: votes, search log, tester, domain-check and escalation counts, content-gap marks, staff accounts and Data Protection keys.
/// Create it with <see cref="PortalStore.CreateContext"/>, which picks the type whose migrations match the engine.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<SearchQuery> SearchQueries => Set<SearchQuery>();
    public DbSet<TesterRunCount> TesterRunCounts => Set<TesterRunCount>();
    public DbSet<DomainCheckFindingCount> DomainCheckFindingCounts => Set<DomainCheckFindingCount>();
    public DbSet<EscalationCount> EscalationCounts => Set<EscalationCount>();
    public DbSet<ContentGapMark> ContentGapMarks => Set<ContentGapMark>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LimitCount> LimitCounts => Set<LimitCount>();
    public DbSet<StoreSecret> StoreSecrets => Set<StoreSecret>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
