using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Tests.Feedback;
using HelpPortal.Web.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HelpPortal.Web.Tests.Hosting;

public sealed class MetricsTests
{
    [Fact]
    public async Task AVoteIncrementsTheVotesCounter()
    {
        using var portal = new FeedbackPortal();
        using var votes = new Recorder(portal.Services, "helpportal.feedback.votes");
        using var client = portal.CreateClient();

        var response = await FeedbackPortal.PostFormAsync(client, "/account/login", "/en/articles/troubleshooting-email/feedback",
            new() { ["helpful"] = "no" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var vote = Assert.Single(votes.Measurements);
        Assert.Equal(1, vote.Value);
        Assert.Equal("en", vote.Tags["lang"]);
        Assert.Equal(false, vote.Tags["helpful"]);
    }

    [Fact]
    public async Task PagesAndSearchesWithoutResultsAreCounted()
    {
        using var portal = new PortalFactory();
        using var pages = new Recorder(portal.Services, "helpportal.page.renders");
        using var searches = new Recorder(portal.Services, "helpportal.search.queries");
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/articles/troubleshooting-email")).StatusCode);
        await client.GetAsync("/en/search?q=qwxzzy");

        Assert.Contains(pages.Measurements, m => m.Tags["page"] is string page && page.Length > 0);
        var search = Assert.Single(searches.Measurements);
        Assert.Equal("none", search.Tags["results"]);
    }

    [Fact]
    public async Task AContentReloadIsCountedWithTheErrorsItFound()
    {
        using var content = new ContentFixture();
        content.CleanPair();
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Content:Path"] = content.Path });
        using var reloads = new Recorder(portal.Services, "helpportal.content.reloads");
        using var errors = new Recorder(portal.Services, "helpportal.content.errors");
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        content.CleanPair(enBody: "Now with {{mail.no-such-placeholder}}.");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (errors.Measurements.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        // Each reload that saw the unknown placeholder counts its one error; the editor's save may take more than one.
        Assert.NotEmpty(errors.Measurements);
        Assert.All(errors.Measurements, m => Assert.Equal(1, m.Value));
        Assert.Contains(reloads.Measurements, m => m.Tags["outcome"] is "errors");
    }

    [Fact]
    public async Task ReadinessAndHealthAnswerWhileThePortalRuns()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task ThePortalIsNotReadyOnceShutdownBegins()
    {
        var lifetime = new StoppingLifetime();
        var check = new ShutdownReadinessCheck(lifetime);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);

        lifetime.StopApplication();

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new())).Status);
    }

    /// <summary>Listens to one instrument of one host only, so tests running in parallel do not mix their counts.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> _measurements = new();

        public Recorder(IServiceProvider services, string instrumentName)
        {
            var meters = services.GetRequiredService<IMeterFactory>();
            _ = services.GetRequiredService<PortalMetrics>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Meter.Scope == meters && instrument.Name == instrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
                _measurements.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
            _listener.Start();
        }

        public IReadOnlyList<(long Value, Dictionary<string, object?> Tags)> Measurements => [.. _measurements];

        public void Dispose() => _listener.Dispose();
    }

    private sealed class StoppingLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
