using HelpPortal.Web.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpPortal.Web.Tests.Hosting;

public sealed class CachedHealthCheckTests
{
    [Fact]
    public async Task AHealthyResultIsReusedForASecondAndThenAskedAgain()
    {
        var store = new ScriptedCheck(HealthStatus.Healthy);
        var time = new SteppedTime();
        var check = new CachedHealthCheck<ScriptedCheck>(store, time);

        await check.CheckHealthAsync(new HealthCheckContext());
        time.Advance(TimeSpan.FromMilliseconds(500));
        await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(1, store.Calls);

        time.Advance(TimeSpan.FromMilliseconds(600));
        await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(2, store.Calls);
    }

    [Fact]
    public async Task AFailingStoreIsAskedEveryTimeSoAnOutageIsNeverHidden()
    {
        var store = new ScriptedCheck(HealthStatus.Unhealthy);
        var check = new CachedHealthCheck<ScriptedCheck>(store, new SteppedTime());

        var first = await check.CheckHealthAsync(new HealthCheckContext());
        var second = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, first.Status);
        Assert.Equal(HealthStatus.Unhealthy, second.Status);
        Assert.Equal(2, store.Calls);
    }

    [Fact]
    public async Task AStoreThatFailsAfterBeingHealthyShowsOnceTheSecondIsOver()
    {
        var store = new ScriptedCheck(HealthStatus.Healthy);
        var time = new SteppedTime();
        var check = new CachedHealthCheck<ScriptedCheck>(store, time);
        await check.CheckHealthAsync(new HealthCheckContext());

        store.Status = HealthStatus.Unhealthy;
        time.Advance(CachedHealthCheck<ScriptedCheck>.Lifetime);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        var again = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(HealthStatus.Unhealthy, again.Status);
        Assert.Equal(3, store.Calls);
    }

    internal sealed class ScriptedCheck(HealthStatus status) : IHealthCheck
    {
        public HealthStatus Status { get; set; } = status;
        public int Calls { get; private set; }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(new HealthCheckResult(Status, "scripted"));
        }
    }

    /// <summary>A clock whose timestamps move only when the test says so.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
