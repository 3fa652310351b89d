using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <inheritdoc cref="IDomainCheckLog" />
public sealed class DomainCheckLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time) : IDomainCheckLog
{
    public async Task RecordAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        foreach (var code in codes)
        {
            DailyCodeCounts.Check(code, "finding", nameof(codes));
        }

        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            await DailyCodeCounts.IncrementAsync<DomainCheckFindingCount>(db, nameof(DomainCheckFindingCount.Code), day, code, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<FindingCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DailyCodeCounts.ReadAsync(db.DomainCheckFindingCounts, from, to, c => c.Code,
            c => new FindingCount(c.Day, c.Code, c.Count), cancellationToken);
    }
}

/// <summary>Counts of the domain check's finding codes per day, for support leads: codes only, never a domain.</summary>
public interface IDomainCheckLog
{
    /// <summary>Counts each distinct code once for today.</summary>
    Task RecordAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    Task<IReadOnlyList<FindingCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

public sealed record FindingCount(DateOnly Day, string Code, int Count);
