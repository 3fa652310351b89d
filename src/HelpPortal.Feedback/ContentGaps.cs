using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>One distinct logged query in a period, with what came of it.</summary>
public sealed record QueryStats(
    string Query, string Lang, int Count, int NoResults, int Opened, DateTime LastSeenUtc, DateTime? LastNoResultUtc);

/// <summary>The search log read as a to-do list: per-query figures for grouping, and the leads' marks on the groups.</summary>
public sealed class ContentGapStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    /// <summary>Each distinct query in the period with its counts, grouped in the database.</summary>
    public async Task<IReadOnlyList<QueryStats>> GetQueryStatsAsync(
        DateTime fromUtc, DateTime toUtc, string? lang, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SearchLog.QueryStatsAsync(db, fromUtc, toUtc, lang, cancellationToken);
    }

    /// <summary>Marks a gap Planned or Done (or Open again), replacing an earlier mark.</summary>
    public async Task MarkAsync(string lang, string gapKey, ContentGapStatus status, string markedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gapKey);
        if (gapKey.Length > SearchLog.MaxQueryLength)
        {
            throw new ArgumentException($"A gap key has at most {SearchLog.MaxQueryLength} characters.", nameof(gapKey));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var name = status.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement, so two leads marking at once leave one row: the last mark wins.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ContentGapMarks" ("Lang", "GapKey", "Status", "MarkedBy", "MarkedUtc") VALUES ({lang}, {gapKey}, {name}, {markedBy}, {now})
            ON CONFLICT ("Lang", "GapKey") DO UPDATE SET
                "Status" = excluded."Status", "MarkedBy" = excluded."MarkedBy", "MarkedUtc" = excluded."MarkedUtc"
            """, cancellationToken);
    }

    public async Task<IReadOnlyList<ContentGapMark>> GetMarksAsync(string? lang, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var marks = db.ContentGapMarks.AsNoTracking();
        if (lang is not null)
        {
            marks = marks.Where(m => m.Lang == lang);
        }
        var list = await marks.ToListAsync(cancellationToken);
        foreach (var mark in list)
        {
            mark.MarkedUtc = DateTime.SpecifyKind(mark.MarkedUtc, DateTimeKind.Utc);
        }
        return list;
    }
}
