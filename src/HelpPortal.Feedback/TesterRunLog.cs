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
    public async Task RecordAsync(string diagnosis, CancellationToken cancellationToken)
    {
        DailyCodeCounts.Check(diagnosis, "diagnosis", nameof(diagnosis));
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await DailyCodeCounts.IncrementAsync<TesterRunCount>(db, nameof(TesterRunCount.Diagnosis), day, diagnosis, cancellationToken);
        metrics.TesterRan(diagnosis);
    }

    public async Task<IReadOnlyList<DiagnosisCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DailyCodeCounts.ReadAsync(db.TesterRunCounts, from, to, c => c.Diagnosis,
            c => new DiagnosisCount(c.Day, c.Diagnosis, c.Count), cancellationToken);
    }
}
