namespace HelpPortal.Feedback.Tests;

/// <summary>The shared limit counter on the real PostgreSQL, where several portal instances count together.</summary>
public sealed class LimitCounterTests
{
    [Fact]
    public async Task TwoInstancesTakingAtOnceTogetherGetExactlyTheLimit()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Postgres);
        StoreLimitCounter[] instances = [new(store, store.Time), new(store, store.Time)];

        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            await instances[i % 2].TryTakeAsync("tester-mailbox:abc", 7, TimeSpan.FromHours(1), default))));

        Assert.Equal(7, taken.Count(bucket => bucket is not null));
    }

    [Fact]
    public async Task AReturnedOneCanBeTakenAgainAndOtherKeysAreCountedApart()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Postgres);
        var counter = new StoreLimitCounter(store, store.Time);
        var window = TimeSpan.FromMinutes(10);
        var first = await counter.TryTakeAsync("a", 2, window, default);
        Assert.NotNull(await counter.TryTakeAsync("a", 2, window, default));
        Assert.Null(await counter.TryTakeAsync("a", 2, window, default));
        Assert.NotNull(await counter.TryTakeAsync("b", 2, window, default));

        await counter.ReturnAsync("a", first!.Value, default);

        Assert.NotNull(await counter.TryTakeAsync("a", 2, window, default));
        Assert.Null(await counter.TryTakeAsync("a", 2, window, default));
    }

    [Fact]
    public async Task TheWindowSlidesOnePartAtATime()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Postgres);
        var counter = new StoreLimitCounter(store, store.Time);
        var window = TimeSpan.FromMinutes(10);
        Assert.NotNull(await counter.TryTakeAsync("client", 2, window, default));
        store.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.NotNull(await counter.TryTakeAsync("client", 2, window, default));
        Assert.Null(await counter.TryTakeAsync("client", 2, window, default));

        // Ten minutes after the first, only the first has left the window.
        store.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.NotNull(await counter.TryTakeAsync("client", 2, window, default));
        Assert.Null(await counter.TryTakeAsync("client", 2, window, default));
    }
}
