using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback.Tests;

/// <summary>Runs on every engine the store supports; the sealed classes at the bottom pick one.</summary>
public abstract class VoteStoreTests(DatabaseProvider provider)
{
    private static VoteInput Vote(string visitor, bool helpful, string slug = "troubleshooting-email", string revision = "r1",
        string? reason = null, string? comment = null) =>
        new(visitor, "en", slug, revision, helpful, reason, comment);

    [Fact]
    public async Task VoteAgainReplacesTheEarlierVote()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(Vote("visitor-1", helpful: false, reason: VoteReasons.Outdated, comment: "Ports changed"), default);
        store.Time.Advance(TimeSpan.FromMinutes(5));
        await votes.CastAsync(Vote("visitor-1", helpful: true), default);

        await using var db = store.CreateDbContext();
        var vote = await db.Votes.SingleAsync();
        Assert.True(vote.Helpful);
        Assert.Null(vote.Reason);
        Assert.Null(vote.Comment);
        Assert.Equal(new DateTime(2026, 3, 1, 12, 0, 0), vote.CreatedUtc);
        Assert.Equal(new DateTime(2026, 3, 1, 12, 5, 0), vote.UpdatedUtc);
    }

    [Fact]
    public async Task TheSameVisitorHasOneVotePerArticleAndLanguage()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(Vote("visitor-1", helpful: true, slug: "a"), default);
        await votes.CastAsync(Vote("visitor-1", helpful: false, slug: "b"), default);
        await votes.CastAsync(Vote("visitor-1", helpful: false, slug: "a"), default);
        await votes.CastAsync(new VoteInput("visitor-1", "sv", "a", "r1", true, null, null), default);

        Assert.Equal((0, 1), await votes.CountAsync(new VoteFilter(Lang: "en", Slug: "a"), default));
        Assert.Equal((0, 1), await votes.CountAsync(new VoteFilter(Lang: "en", Slug: "b"), default));
        Assert.Equal((1, 0), await votes.CountAsync(new VoteFilter(Lang: "sv", Slug: "a"), default));
    }

    [Fact]
    public async Task VotesAreCountedPerRevision()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(Vote("a", helpful: false, revision: "old"), default);
        await votes.CastAsync(Vote("b", helpful: false, revision: "old"), default);
        await votes.CastAsync(Vote("c", helpful: true, revision: "new"), default);
        // A reader who voted on the old text and votes again after the rewrite moves to the new revision.
        await votes.CastAsync(Vote("b", helpful: true, revision: "new"), default);

        Assert.Equal((0, 1), await votes.CountAsync(new VoteFilter(Revision: "old"), default));
        Assert.Equal((2, 0), await votes.CountAsync(new VoteFilter(Revision: "new"), default));
        Assert.Equal((2, 1), await votes.CountAsync(new VoteFilter(), default));
    }

    [Fact]
    public async Task ConcurrentVotesFromManyVisitorsGiveExactTotals()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, TimeProvider.System, store.Metrics);
        const int tasks = 50, votesPerTask = 40;

        // Each task votes twice per visitor (the second vote must replace the first) and once as a visitor
        // every task shares, so replacement races across connections too.
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < votesPerTask; i++)
            {
                var visitor = $"v{t}-{i % (votesPerTask / 2)}";
                await votes.CastAsync(Vote(visitor, helpful: FinalHelpful(i)), default);
            }
            await votes.CastAsync(Vote("shared", helpful: t % 2 == 0), default);
        })));

        var expectedYes = tasks * Enumerable.Range(votesPerTask / 2, votesPerTask / 2).Count(FinalHelpful);
        var expectedNo = tasks * votesPerTask / 2 - expectedYes;
        var (yes, no) = await votes.CountAsync(new VoteFilter(), default);
        await using var db = store.CreateDbContext();
        Assert.Equal(tasks * votesPerTask / 2 + 1, await db.Votes.CountAsync());
        Assert.Equal(1, await db.Votes.CountAsync(v => v.VisitorId == "shared"));
        var sharedYes = await db.Votes.CountAsync(v => v.VisitorId == "shared" && v.Helpful);
        Assert.Equal(expectedYes + sharedYes, yes);
        Assert.Equal(expectedNo + (1 - sharedYes), no);

        static bool FinalHelpful(int i) => i % 3 != 0;
    }

    [Fact]
    public async Task CommentsComeNewestFirstWithinTheFilter()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);
        await votes.CastAsync(Vote("a", false, reason: VoteReasons.HardToFollow, comment: "first"), default);
        store.Time.Advance(TimeSpan.FromHours(1));
        await votes.CastAsync(Vote("b", false, reason: VoteReasons.Outdated, comment: "second"), default);
        await votes.CastAsync(Vote("c", false, slug: "other", comment: "elsewhere"), default);
        await votes.CastAsync(Vote("d", true), default);

        var comments = await votes.GetCommentsAsync(new VoteFilter(Lang: "en", Slug: "troubleshooting-email"), 100, default);

        Assert.Equal(["second", "first"], comments.Select(c => c.Comment));
        Assert.Equal(VoteReasons.Outdated, comments[0].Reason);
    }

    [Fact]
    public async Task RowsCanBeReadForAPeriod()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);
        await votes.CastAsync(Vote("early", true), default);
        store.Time.Advance(TimeSpan.FromDays(10));
        await votes.CastAsync(Vote("late", false), default);

        var rows = await votes.GetRowsAsync(new VoteFilter(FromUtc: new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc)), default);

        var row = Assert.Single(rows);
        Assert.False(row.Helpful);
        Assert.Equal(new DateTime(2026, 3, 11, 12, 0, 0), row.UpdatedUtc);
    }
}

public sealed class SqliteVoteStoreTests() : VoteStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresVoteStoreTests() : VoteStoreTests(DatabaseProvider.Postgres);
