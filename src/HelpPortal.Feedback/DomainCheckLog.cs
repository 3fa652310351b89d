using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <inheritdoc cref="IDomainCheckLog" />
public sealed class DomainCheckLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time) : IDomainCheckLog
{
    private const int MaxCodeLength = 64;

    public async Task RecordAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        foreach (var code in codes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(code);
            if (code.Length > MaxCodeLength)
            {
                throw new ArgumentException($"A finding code has at most {MaxCodeLength} characters.", nameof(codes));
            }
        }

        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            // One atomic statement per code, so two checks finishing at once both count.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "DomainCheckFindingCounts" ("Day", "Code", "Count") VALUES ({day}, {code}, 1)
                ON CONFLICT ("Day", "Code") DO UPDATE SET "Count" = "DomainCheckFindingCounts"."Count" + 1
                """, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<FindingCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DomainCheckFindingCounts.AsNoTracking()
            .Where(c => c.Day >= from && c.Day <= to)
            .OrderBy(c => c.Day).ThenBy(c => c.Code)
            .Select(c => new FindingCount(c.Day, c.Code, c.Count))
            .ToListAsync(cancellationToken);
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
