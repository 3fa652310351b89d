using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>Counts of the mail tester's diagnoses per day: codes only, no addresses.</summary>
public interface ITesterRunLog
{
    Task RecordAsync(string diagnosis, CancellationToken cancellationToken);

    Task<IReadOnlyList<DiagnosisCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

public sealed record DiagnosisCount(DateOnly Day, string Diagnosis, int Count);

/// <summary>Daily diagnosis counters over the store: one row per day and code, incremented in place.</summary>
public sealed class TesterRunLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, PortalMetrics metrics) : ITesterRunLog
{
    private const int MaxDiagnosisLength = 64;

    public async Task RecordAsync(string diagnosis, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(diagnosis);
        if (diagnosis.Length > MaxDiagnosisLength)
        {
            throw new ArgumentException($"A diagnosis code has at most {MaxDiagnosisLength} characters.", nameof(diagnosis));
        }
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One atomic statement, so two runs finishing at once both count.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "TesterRunCounts" ("Day", "Diagnosis", "Count") VALUES ({day}, {diagnosis}, 1)
            ON CONFLICT ("Day", "Diagnosis") DO UPDATE SET "Count" = "TesterRunCounts"."Count" + 1
            """, cancellationToken);
        metrics.TesterRan(diagnosis);
    }

    public async Task<IReadOnlyList<DiagnosisCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TesterRunCounts.AsNoTracking()
            .Where(c => c.Day >= from && c.Day <= to)
            .OrderBy(c => c.Day).ThenBy(c => c.Diagnosis)
            .Select(c => new DiagnosisCount(c.Day, c.Diagnosis, c.Count))
            .ToListAsync(cancellationToken);
    }
}
