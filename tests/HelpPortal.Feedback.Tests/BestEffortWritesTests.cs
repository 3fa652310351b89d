using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Feedback.Tests;

/// <summary>A write a reader should not wait for: tried, waited for briefly, counted when lost.</summary>
public sealed class BestEffortWritesTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<string?> _lost = [];
    private readonly FakeTimeProvider _time = new();
    private readonly BestEffortWrites _writes;

    public BestEffortWritesTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "helpportal.store.writes.lost")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (_lost)
            {
                _lost.Add(tags.ToArray().Single(t => t.Key == "write").Value as string);
            }
        });
        _listener.Start();
        _writes = new BestEffortWrites(new PortalMetrics(meters), _time, NullLogger<BestEffortWrites>.Instance);
    }

    [Fact]
    public async Task AStoredWriteGivesItsResult()
    {
        Assert.Equal(42L, await _writes.TryAsync("search-log", _ => Task.FromResult(42L), default));
        Assert.Empty(_lost);
    }

    [Fact]
    public async Task AWriteTheStoreRefusesIsCountedAsLostAndGivesNothing()
    {
        var result = await _writes.TryAsync<long>("search-log", _ => throw new SqliteException("database is locked", 5), default);

        Assert.Null(result);
        Assert.Equal(["search-log"], _lost);
    }

    [Fact]
    public async Task TheReaderWaitsNoLongerThanTheWaitForAWriteThatHangs()
    {
        var never = new TaskCompletionSource<long>();

        var attempt = _writes.TryAsync("search-log", _ => never.Task, default);
        Assert.False(attempt.IsCompleted);
        _time.Advance(BestEffortWrites.Wait);

        Assert.Null(await attempt.WaitAsync(TimeSpan.FromSeconds(30)));
        never.SetResult(1);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
