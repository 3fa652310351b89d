namespace HelpPortal.Feedback.Tests;

/// <summary>The dashboard's aggregate queries, escalations and content-gap marks, on every engine.</summary>
public abstract class ReportTests(DatabaseProvider provider)
{
    private static VoteInput Vote(string visitor, bool helpful, string revision = "r1", string? reason = null, string slug = "troubleshooting-email") =>
        new(visitor, "en", slug, revision, helpful, reason, null);

    [Fact]
    public async Task DailyCountsGroupVotesByArticleRevisionAndDay()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);
        await votes.CastAsync(Vote("a", true), default);
        await votes.CastAsync(Vote("b", false, reason: VoteReasons.Outdated), default);
        await votes.CastAsync(Vote("c", true, slug: "sending-limits"), default);
        store.Time.Advance(TimeSpan.FromDays(2));
        await votes.CastAsync(Vote("d", false, revision: "r2"), default);
        await votes.CastAsync(Vote("e", false, revision: "r2"), default);

        var counts = await new VoteReport(store).GetDailyCountsAsync(new VoteFilter(Lang: "en"), default);

        Assert.Equal(
            [
                new DailyVoteCount("en", "sending-limits", "r1", new DateOnly(2026, 3, 1), 1, 0),
                new DailyVoteCount("en", "troubleshooting-email", "r1", new DateOnly(2026, 3, 1), 1, 1),
                new DailyVoteCount("en", "troubleshooting-email", "r2", new DateOnly(2026, 3, 3), 0, 2),
            ],
            counts);
    }

    [Fact]
    public async Task ReasonsAndRevisionsAreCountedInTheStore()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);
        await votes.CastAsync(Vote("a", false, reason: VoteReasons.Outdated), default);
        await votes.CastAsync(Vote("b", false), default);
        store.Time.Advance(TimeSpan.FromDays(1));
        await votes.CastAsync(Vote("c", false, revision: "r2", reason: VoteReasons.Outdated), default);
        await votes.CastAsync(Vote("d", true, revision: "r2"), default);
        var report = new VoteReport(store);

        var reasons = await report.GetReasonCountsAsync(new VoteFilter(Slug: "troubleshooting-email"), default);
        var revisions = await report.GetRevisionsAsync(new VoteFilter(Slug: "troubleshooting-email"), default);

        Assert.Equal(
            [
                new DailyReasonCount(new DateOnly(2026, 3, 1), null, 1),
                new DailyReasonCount(new DateOnly(2026, 3, 1), VoteReasons.Outdated, 1),
                new DailyReasonCount(new DateOnly(2026, 3, 2), VoteReasons.Outdated, 1),
            ],
            reasons);
        Assert.Equal(
            [
                new RevisionVotes("r1", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), 0, 2),
                new RevisionVotes("r2", new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc), 1, 1),
            ],
            revisions);
    }

    [Fact]
    public async Task EscalationsAreCountedPerArticleAndDiagnosis()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var log = new EscalationLog(store, store.Time);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            log.RecordAsync("en", "troubleshooting-email", i % 2 == 0 ? "auth-failed" : null, default)));
        await log.RecordAsync("en", "troubleshooting-email", "timeout", default);
        await log.RecordAsync("sv", "felsokning-e-post", null, default);
        store.Time.Advance(TimeSpan.FromDays(3));
        await log.RecordAsync("en", "sending-limits", null, default);

        var top = await log.GetTopArticlesAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), null, 10, default);

        Assert.Equal(2, top.Count);
        Assert.Equal(("en", "troubleshooting-email", 11), (top[0].Lang, top[0].Slug, top[0].Count));
        Assert.Equal(new Dictionary<string, int> { ["auth-failed"] = 5, ["timeout"] = 1 }, top[0].ByDiagnosis);
        Assert.Equal(("sv", "felsokning-e-post", 1), (top[1].Lang, top[1].Slug, top[1].Count));
        var english = await log.GetTopArticlesAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "en", 10, default);
        Assert.Equal(["troubleshooting-email", "sending-limits"], english.Select(a => a.Slug));
    }

    [Fact]
    public async Task QueryStatsCarryCountsAndWhenTheyWereLastSeen()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var log = new SearchLog(store, store.Time, store.Metrics);
        await log.RecordSearchAsync("fax", "en", 0, default);
        store.Time.Advance(TimeSpan.FromHours(2));
        var opened = await log.RecordSearchAsync("fax", "en", 1, default);
        await log.RecordOpenedAsync(opened, "fax-to-email", default);
        await log.RecordSearchAsync("smtp", "en", 3, default);

        var stats = await new ContentGapStore(store, store.Time).GetQueryStatsAsync(
            new DateTime(2026, 3, 1), new DateTime(2026, 3, 2), "en", default);

        var fax = Assert.Single(stats, s => s.Query == "fax");
        Assert.Equal((2, 1, 1), (fax.Count, fax.NoResults, fax.Opened));
        Assert.Equal(new DateTime(2026, 3, 1, 14, 0, 0, DateTimeKind.Utc), fax.LastSeenUtc);
        Assert.Equal(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), fax.LastNoResultUtc);
        Assert.Null(Assert.Single(stats, s => s.Query == "smtp").LastNoResultUtc);
    }

    [Fact]
    public async Task AGapMarkIsStoredWithWhoAndWhenAndALaterMarkReplacesIt()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var gaps = new ContentGapStore(store, store.Time);

        await gaps.MarkAsync("en", "fax", ContentGapStatus.Planned, "lead@example.net", default);
        store.Time.Advance(TimeSpan.FromDays(1));
        await gaps.MarkAsync("en", "fax", ContentGapStatus.Done, "other@example.net", default);
        await gaps.MarkAsync("sv", "fax", ContentGapStatus.Planned, "lead@example.net", default);

        var mark = Assert.Single(await gaps.GetMarksAsync("en", default));
        Assert.Equal(("fax", ContentGapStatus.Done, "other@example.net"), (mark.GapKey, mark.Status, mark.MarkedBy));
        Assert.Equal(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc), mark.MarkedUtc);
        Assert.Equal(2, (await gaps.GetMarksAsync(null, default)).Count);
    }
}

public sealed class SqliteReportTests() : ReportTests(DatabaseProvider.Sqlite);

public sealed class PostgresReportTests() : ReportTests(DatabaseProvider.Postgres);
