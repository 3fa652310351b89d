using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>How many readers one article sent to support in a period, and with which verdict codes.</summary>
public sealed record ArticleEscalations(string Lang, string Slug, int Count, IReadOnlyDictionary<string, int> ByDiagnosis);

/// <summary>Daily escalation counters over the store: one row per day, article and code, incremented in place.</summary>
public sealed class EscalationLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    public const int MaxDiagnosisLength = 64;

    /// <param name="diagnosis">The verdict code the reader agreed to pass on, or null.</param>
    public async Task RecordAsync(string lang, string slug, string? diagnosis, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lang);
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        if (diagnosis is { Length: > MaxDiagnosisLength })
        {
            throw new ArgumentException($"A diagnosis code has at most {MaxDiagnosisLength} characters.", nameof(diagnosis));
        }
        var code = diagnosis ?? "";
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One atomic statement, so two readers leaving at once both count.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "EscalationCounts" ("Day", "Lang", "Slug", "Diagnosis", "Count") VALUES ({day}, {lang}, {slug}, {code}, 1)
            ON CONFLICT ("Day", "Lang", "Slug", "Diagnosis") DO UPDATE SET "Count" = "EscalationCounts"."Count" + 1
            """, cancellationToken);
    }

    /// <summary>The articles that sent the most readers to support between the two days (inclusive), most first.</summary>
    public async Task<IReadOnlyList<ArticleEscalations>> GetTopArticlesAsync(
        DateOnly from, DateOnly to, string? lang, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.EscalationCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to);
        if (lang is not null)
        {
            rows = rows.Where(c => c.Lang == lang);
        }
        var counts = await rows
            .GroupBy(c => new { c.Lang, c.Slug, c.Diagnosis })
            .Select(g => new { g.Key.Lang, g.Key.Slug, g.Key.Diagnosis, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return counts
            .GroupBy(c => (c.Lang, c.Slug))
            .Select(g => new ArticleEscalations(g.Key.Lang, g.Key.Slug, g.Sum(c => c.Count),
                g.Where(c => c.Diagnosis != "").ToDictionary(c => c.Diagnosis, c => c.Count)))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Lang, StringComparer.Ordinal).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }
}
