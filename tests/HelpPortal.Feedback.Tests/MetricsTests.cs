using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Feedback.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task TesterRunsAndSearchesAreCountedWithCodesOnly()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var metrics = new PortalMetrics(meters);
        var seen = new List<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            lock (seen)
            {
                seen.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();
        await using var store = await TestStore.CreateAsync();

        await new TesterRunLog(store, store.Time, metrics).RecordAsync("auth-failed", default);
        await new SearchLog(store, store.Time, metrics).RecordSearchAsync("secret words", "sv", 0, default);

        var run = Assert.Single(seen, s => s.Instrument == "helpportal.tester.runs");
        Assert.Equal("auth-failed", run.Tags["diagnosis"]);
        var search = Assert.Single(seen, s => s.Instrument == "helpportal.search.queries");
        Assert.Equal(["lang", "results"], search.Tags.Keys.Order());
        Assert.Equal("none", search.Tags["results"]);
    }
}
