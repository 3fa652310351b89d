using System.Diagnostics.Metrics;

namespace HelpPortal.Feedback;

/// <summary>
/// The portal's own instruments on the <see cref="MeterName"/> meter. Tags carry codes and languages only,
/// never a query, an address or anything else a person typed.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "HelpPortal";

    private readonly Counter<long> _pageRenders;
    private readonly Counter<long> _votes;
    private readonly Counter<long> _testerRuns;
    private readonly Counter<long> _searches;
    private readonly Counter<long> _contentReloads;
    private readonly Counter<long> _contentErrors;
    private readonly Counter<long> _lostWrites;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _pageRenders = meter.CreateCounter<long>("helpportal.page.renders", "{page}", "Pages rendered, by page component.");
        _votes = meter.CreateCounter<long>("helpportal.feedback.votes", "{vote}", "Article votes stored (a changed vote counts again).");
        _testerRuns = meter.CreateCounter<long>("helpportal.tester.runs", "{run}", "Mail tester runs, by diagnosis code.");
        _searches = meter.CreateCounter<long>("helpportal.search.queries", "{query}", "Searches, by language and whether anything was found.");
        _contentReloads = meter.CreateCounter<long>("helpportal.content.reloads", "{reload}", "Content catalog reloads after a file changed.");
        _contentErrors = meter.CreateCounter<long>("helpportal.content.errors", "{error}", "Content errors found by reloads.");
        _lostWrites = meter.CreateCounter<long>("helpportal.store.writes.lost", "{write}", "Best-effort writes the store did not take, by kind.");
    }

    public void PageRendered(string page) => _pageRenders.Add(1, new KeyValuePair<string, object?>("page", page));

    public void VoteCast(string lang, bool helpful) => _votes.Add(1,
        new KeyValuePair<string, object?>("lang", lang),
        new KeyValuePair<string, object?>("helpful", helpful));

    public void TesterRan(string diagnosis) => _testerRuns.Add(1, new KeyValuePair<string, object?>("diagnosis", diagnosis));

    public void Searched(string lang, int resultCount) => _searches.Add(1,
        new KeyValuePair<string, object?>("lang", lang),
        new KeyValuePair<string, object?>("results", resultCount == 0 ? "none" : "some"));

    public void StoreWriteLost(string what) => _lostWrites.Add(1, new KeyValuePair<string, object?>("write", what));

    public void ContentReloaded(int errorCount)
    {
        _contentReloads.Add(1, new KeyValuePair<string, object?>("outcome", errorCount == 0 ? "clean" : "errors"));
        if (errorCount > 0)
        {
            _contentErrors.Add(errorCount);
        }
    }
}
