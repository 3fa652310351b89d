using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Feedback.Tests;

/// <summary>Cookie-less votes from one network count once per article per day; runs on every engine.</summary>
public abstract class NetworkVoteTests(DatabaseProvider provider)
{
    private static VoteInput CookielessVote(string network, bool helpful = true, string slug = "troubleshooting-email") =>
        new(Guid.NewGuid().ToString("N"), "en", slug, "r1", helpful, null, null) { ClientNetwork = network, NewVisitor = true };

    [Fact]
    public async Task TwentyCookielessVotesFromOneNetworkCountAsOne()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        // Five at a time, as a script would send them: the store must not let two of them both find nothing to
        // replace. (Not all twenty at once: on a loaded machine the last would wait past the cast timeout.)
        for (var round = 0; round < 4; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => votes.CastAsync(CookielessVote("203.0.113.7"), default)));
        }

        Assert.Equal((1, 0), await votes.CountAsync(new VoteFilter(Lang: "en", Slug: "troubleshooting-email"), default));
    }

    [Fact]
    public async Task TheLatestCookielessVoteFromANetworkIsTheOneCounted()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(CookielessVote("2001:db8:1:2::/64", helpful: true), default);
        store.Time.Advance(TimeSpan.FromHours(3));
        var second = CookielessVote("2001:db8:1:2::/64", helpful: false);
        await votes.CastAsync(second, default);

        Assert.Equal((0, 1), await votes.CountAsync(new VoteFilter(), default));
        // The row now belongs to the cookie just issued, so that visitor's next vote replaces it too.
        var found = await votes.FindAsync(second.VisitorId, "en", "troubleshooting-email", default);
        Assert.NotNull(found);
        Assert.False(found.Helpful);
    }

    [Fact]
    public async Task OtherNetworksOtherArticlesAndVotesAfterADayCountSeparately()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(CookielessVote("203.0.113.7"), default);
        await votes.CastAsync(CookielessVote("203.0.113.8"), default);
        await votes.CastAsync(CookielessVote("203.0.113.7", slug: "sending-limits"), default);
        store.Time.Advance(VoterNetworks.Window + TimeSpan.FromMinutes(1));
        await votes.CastAsync(CookielessVote("203.0.113.7"), default);

        Assert.Equal((3, 0), await votes.CountAsync(new VoteFilter(Slug: "troubleshooting-email"), default));
        Assert.Equal((1, 0), await votes.CountAsync(new VoteFilter(Slug: "sending-limits"), default));
    }

    [Fact]
    public async Task AVisitorWithTheCookieKeepsTheirOwnVote()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(new VoteInput("visitor-with-cookie", "en", "troubleshooting-email", "r1", true, null, null)
        {
            ClientNetwork = "203.0.113.7",
        }, default);
        await votes.CastAsync(new VoteInput("visitor-with-cookie", "en", "troubleshooting-email", "r1", false, null, null)
        {
            ClientNetwork = "203.0.113.7",
        }, default);
        await votes.CastAsync(new VoteInput("colleague-with-cookie", "en", "troubleshooting-email", "r1", true, null, null)
        {
            ClientNetwork = "203.0.113.7",
        }, default);

        Assert.Equal((1, 1), await votes.CountAsync(new VoteFilter(), default));
    }

    [Fact]
    public async Task OnlyAKeyedHashOfTheNetworkIsStored()
    {
        await using var store = await TestStore.CreateAsync(provider);
        var votes = new VoteStore(store, store.Time, store.Metrics);

        await votes.CastAsync(CookielessVote("203.0.113.7"), default);

        await using var db = store.CreateDbContext();
        var hash = await db.Votes.Select(v => v.NetworkHash).SingleAsync();
        Assert.NotNull(hash);
        Assert.Equal(VoterNetworks.HashLength, hash.Length);
        Assert.DoesNotContain("203", hash, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("203.0.113.7"u8))[..VoterNetworks.HashLength], hash);
        Assert.Single(await db.StoreSecrets.ToListAsync());
    }
}

public sealed class SqliteNetworkVoteTests() : NetworkVoteTests(DatabaseProvider.Sqlite);

public sealed class PostgresNetworkVoteTests() : NetworkVoteTests(DatabaseProvider.Postgres);
