using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback.Tests;

/// <summary>Runs on every engine the store supports; the sealed classes at the bottom pick one.</summary>
public abstract class LogTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ConcurrentTesterRunsAreAllCountedPerDayAndDiagnosis()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var log = new TesterRunLog(store, store.Time, store.Metrics);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await log.RecordAsync(i % 5 == 0 ? "auth-failed" : "ok", default);
            }
        })));
        store.Time.Advance(TimeSpan.FromDays(1));
        await log.RecordAsync("timeout", default);

        var counts = await log.GetCountsAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), default);

        Assert.Equal(
            [
                new DiagnosisCount(new DateOnly(2026, 3, 1), "auth-failed", 100),
                new DiagnosisCount(new DateOnly(2026, 3, 1), "ok", 400),
                new DiagnosisCount(new DateOnly(2026, 3, 2), "timeout", 1),
            ],
            counts);
    }

    [Fact]
    public async Task DomainCheckFindingsAreCountedPerDayAndCodeEachOncePerCheck()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var log = new DomainCheckLog(store, store.Time);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await log.RecordAsync(i % 2 == 0 ? ["spf-without-us", "dmarc-missing", "dmarc-missing"] : ["ok"], default);
            }
        })));
        store.Time.Advance(TimeSpan.FromDays(1));
        await log.RecordAsync(["invalid-input"], default);

        var counts = await log.GetCountsAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), default);

        Assert.Equal(
            [
                new FindingCount(new DateOnly(2026, 3, 1), "dmarc-missing", 50),
                new FindingCount(new DateOnly(2026, 3, 1), "ok", 50),
                new FindingCount(new DateOnly(2026, 3, 1), "spf-without-us", 50),
                new FindingCount(new DateOnly(2026, 3, 2), "invalid-input", 1),
            ],
            counts);
    }

    [Fact]
    public async Task ConcurrentSearchesAreAllLogged()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var log = new SearchLog(store, store.Time, store.Metrics);

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(t => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add(await log.RecordSearchAsync($"query {i}", "en", i, default));
            }
            return mine;
        })));

        Assert.Equal(500, ids.SelectMany(i => i).Distinct().Count());
        await using var db = store.CreateDbContext();
        Assert.Equal(500, await db.SearchQueries.CountAsync());
    }

    [Fact]
    public async Task TheSearchReportListsTopQueriesNoResultsAndNeverOpened()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var log = new SearchLog(store, store.Time, store.Metrics);
        var opened = await log.RecordSearchAsync("smtp port", "en", 3, default);
        await log.RecordOpenedAsync(opened, "mail-settings", default);
        await log.RecordSearchAsync("smtp port", "en", 3, default);
        await log.RecordSearchAsync("lösenord", "sv", 2, default);
        await log.RecordSearchAsync("fax", "en", 0, default);

        var report = await log.GetReportAsync(new DateTime(2026, 3, 1), new DateTime(2026, 3, 2), null, default);

        Assert.Equal(new QueryCount("smtp port", "en", 2), report.TopQueries[0]);
        Assert.Equal([new QueryCount("fax", "en", 1)], report.NoResults);
        Assert.Equal([new QueryCount("lösenord", "sv", 1)], report.NeverOpened);
        var swedish = await log.GetReportAsync(new DateTime(2026, 3, 1), new DateTime(2026, 3, 2), "sv", default);
        Assert.Equal([new QueryCount("lösenord", "sv", 1)], swedish.TopQueries);
    }
}

public sealed class SqliteLogTests() : LogTests(DatabaseProvider.Sqlite);

public sealed class PostgresLogTests() : LogTests(DatabaseProvider.Postgres);
