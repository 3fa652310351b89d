using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback;

/// <summary>The search log: normalized queries only, never an IP or a cookie.</summary>
public interface ISearchLog
{
    /// <returns>An id the results page passes on, so the opened result can be recorded.</returns>
    Task<long> RecordSearchAsync(string normalizedQuery, string lang, int resultCount, CancellationToken cancellationToken);

    Task RecordOpenedAsync(long searchId, string slug, CancellationToken cancellationToken);

    Task<SearchLogReport> GetReportAsync(DateTime fromUtc, DateTime toUtc, string? lang, CancellationToken cancellationToken);
}

public sealed record QueryCount(string Query, string Lang, int Count);

public sealed record SearchLogReport(
    IReadOnlyList<QueryCount> TopQueries,
    IReadOnlyList<QueryCount> NoResults,
    IReadOnlyList<QueryCount> NeverOpened);

/// <summary>The search log over the store.</summary>
public sealed class SearchLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, PortalMetrics metrics) : ISearchLog
{
    public const int MaxQueryLength = 200;
    private const int ReportSize = 50;

    public async Task<long> RecordSearchAsync(string normalizedQuery, string lang, int resultCount, CancellationToken cancellationToken)
    {
        var query = normalizedQuery.Length > MaxQueryLength ? normalizedQuery[..MaxQueryLength] : normalizedQuery;
        var row = new SearchQuery { Query = query, Lang = lang, ResultCount = resultCount, SearchedUtc = time.GetUtcNow().UtcDateTime };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SearchQueries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Searched(lang, resultCount);
        return row.Id;
    }

    public async Task RecordOpenedAsync(long searchId, string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SearchQueries.Where(q => q.Id == searchId)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.OpenedSlug, slug), cancellationToken);
    }

    public async Task<SearchLogReport> GetReportAsync(DateTime fromUtc, DateTime toUtc, string? lang, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await QueryStatsAsync(db, fromUtc, toUtc, lang, cancellationToken);

        static List<QueryCount> Top(IEnumerable<(string Query, string Lang, int Count)> items) => items
            .Where(i => i.Count > 0)
            .OrderByDescending(i => i.Count).ThenBy(i => i.Query, StringComparer.Ordinal)
            .Take(ReportSize)
            .Select(i => new QueryCount(i.Query, i.Lang, i.Count))
            .ToList();

        return new SearchLogReport(
            Top(groups.Select(g => (g.Query, g.Lang, g.Count))),
            Top(groups.Select(g => (g.Query, g.Lang, g.NoResults))),
            Top(groups.Where(g => g.Opened == 0).Select(g => (g.Query, g.Lang, g.Count - g.NoResults))));
    }

    /// <summary>Each distinct query in the period with its counts, grouped in the database.</summary>
    internal static async Task<List<QueryStats>> QueryStatsAsync(
        PortalDbContext db, DateTime fromUtc, DateTime toUtc, string? lang, CancellationToken cancellationToken)
    {
        var groups = await Searches(db, fromUtc, toUtc, lang)
            .GroupBy(q => new { q.Query, q.Lang })
            .Select(g => new
            {
                g.Key.Query,
                g.Key.Lang,
                Count = g.Count(),
                NoResults = g.Count(q => q.ResultCount == 0),
                Opened = g.Count(q => q.OpenedSlug != null),
                LastSeen = g.Max(q => q.SearchedUtc),
                LastNoResult = g.Where(q => q.ResultCount == 0).Max(q => (DateTime?)q.SearchedUtc),
            })
            .ToListAsync(cancellationToken);
        return groups.Select(g => new QueryStats(g.Query, g.Lang, g.Count, g.NoResults, g.Opened,
                DateTime.SpecifyKind(g.LastSeen, DateTimeKind.Utc),
                g.LastNoResult is { } last ? DateTime.SpecifyKind(last, DateTimeKind.Utc) : null))
            .ToList();
    }

    /// <summary>The searches made from <paramref name="fromUtc"/> up to <paramref name="toUtc"/>, in one language or all.</summary>
    internal static IQueryable<SearchQuery> Searches(PortalDbContext db, DateTime fromUtc, DateTime toUtc, string? lang)
    {
        fromUtc = PortalStore.AsUtc(fromUtc);
        toUtc = PortalStore.AsUtc(toUtc);
        var rows = db.SearchQueries.AsNoTracking().Where(q => q.SearchedUtc >= fromUtc && q.SearchedUtc < toUtc);
        return lang is null ? rows : rows.Where(q => q.Lang == lang);
    }
}
