using System.Diagnostics.Metrics;
using HelpPortal.Feedback;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// What the web host counts, on the portal's <see cref="PortalMetrics.MeterName"/> meter beside the store's counts:
/// pages rendered and content reloads. Tags carry component names and outcomes only.
/// </summary>
internal sealed class SiteMetrics
{
    private readonly Counter<long> _pageRenders;
    private readonly Counter<long> _contentReloads;
    private readonly Counter<long> _contentErrors;

    public SiteMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PortalMetrics.MeterName);
        _pageRenders = meter.CreateCounter<long>("helpportal.page.renders", "{page}", "Pages rendered, by page component.");
        _contentReloads = meter.CreateCounter<long>("helpportal.content.reloads", "{reload}", "Content catalog reloads after a file changed.");
        _contentErrors = meter.CreateCounter<long>("helpportal.content.errors", "{error}", "Content errors found by reloads.");
    }

    public void PageRendered(string page) => _pageRenders.Add(1, new KeyValuePair<string, object?>("page", page));

    public void ContentReloaded(int errorCount)
    {
        _contentReloads.Add(1, new KeyValuePair<string, object?>("outcome", errorCount == 0 ? "clean" : "errors"));
        if (errorCount > 0)
        {
            _contentErrors.Add(errorCount);
        }
    }
}
