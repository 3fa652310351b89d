using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Feedback.Tests;

/// <summary>Searches and vote comments go after <c>Retention:Days</c>; the votes stay.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task TheJobDeletesOldSearchesAndCommentsAndKeepsTheVotes()
    {
        await using var store = await TestStore.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var log = new SearchLog(store, time, store.Metrics);
        var votes = new VoteStore(store, time, store.Metrics);
        await log.RecordSearchAsync("old search", "en", 3, default);
        await votes.CastAsync(new VoteInput("old", "en", "a", "r1", false, VoteReasons.Other, "an old comment")
        {
            ClientNetwork = "203.0.113.7",
            NewVisitor = true,
        }, default);
        time.Advance(TimeSpan.FromDays(20));
        await log.RecordSearchAsync("new search", "en", 0, default);
        await votes.CastAsync(new VoteInput("new", "en", "a", "r1", false, VoteReasons.Other, "a new comment"), default);

        var retention = new StoreRetention(store, time, Options.Create(new RetentionOptions { Days = 10 }));
        var job = new RetentionJob(retention, time, NullLogger<RetentionJob>.Instance);
        var passes = new List<RetentionResult?>();
        var firstPass = new TaskCompletionSource();
        var secondPass = new TaskCompletionSource();
        job.PassFinished += result =>
        {
            passes.Add(result);
            (passes.Count == 1 ? firstPass : secondPass).TrySetResult();
        };

        await job.StartAsync(default);
        await firstPass.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var db = store.CreateDbContext())
        {
            Assert.Equal(["new search"], await db.SearchQueries.Select(q => q.Query).ToListAsync());
            var rows = await db.Votes.OrderBy(v => v.VisitorId).ToListAsync();
            Assert.Equal(["new", "old"], rows.Select(v => v.VisitorId));
            Assert.Equal(["a new comment", null], rows.Select(v => v.Comment));
            // The vote and its reason still count; the network hash, past its day, is gone.
            Assert.Equal(VoteReasons.Other, rows[1].Reason);
            Assert.Null(rows[1].NetworkHash);
        }
        Assert.Equal(new RetentionResult(1, 1, 1), passes[0]);

        // The next pass comes after the interval, by the clock the job was given.
        time.Advance(TimeSpan.FromDays(11));
        time.Advance(RetentionJob.Interval);
        await secondPass.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await job.StopAsync(default);

        await using (var db = store.CreateDbContext())
        {
            Assert.Empty(await db.SearchQueries.ToListAsync());
            Assert.All(await db.Votes.ToListAsync(), v => Assert.Null(v.Comment));
        }
    }
}
