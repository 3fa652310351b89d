using System.Diagnostics.Metrics;

namespace HelpPortal.Feedback;

/// <summary>
/// What the store counts, on the portal's <see cref="MeterName"/> meter: votes, tester runs and searches (the web
/// host counts its pages and content reloads on the same meter). Tags carry codes and languages only, never a
/// query, an address or anything else a person typed.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "HelpPortal";

    private readonly Counter<long> _votes;
    private readonly Counter<long> _testerRuns;
    private readonly Counter<long> _searches;
    private readonly Counter<long> _lostWrites;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _votes = meter.CreateCounter<long>("helpportal.feedback.votes", "{vote}", "Article votes stored (a changed vote counts again).");
        _testerRuns = meter.CreateCounter<long>("helpportal.tester.runs", "{run}", "Mail tester runs, by diagnosis code.");
        _searches = meter.CreateCounter<long>("helpportal.search.queries", "{query}", "Searches, by language and whether anything was found.");
        _lostWrites = meter.CreateCounter<long>("helpportal.store.writes.lost", "{write}", "Best-effort writes the store did not take, by kind.");
    }

    public void VoteCast(string lang, bool helpful) => _votes.Add(1,
        new KeyValuePair<string, object?>("lang", lang),
        new KeyValuePair<string, object?>("helpful", helpful));

    public void TesterRan(string diagnosis) => _testerRuns.Add(1, new KeyValuePair<string, object?>("diagnosis", diagnosis));

    public void Searched(string lang, int resultCount) => _searches.Add(1,
        new KeyValuePair<string, object?>("lang", lang),
        new KeyValuePair<string, object?>("results", resultCount == 0 ? "none" : "some"));

    public void StoreWriteLost(string what) => _lostWrites.Add(1, new KeyValuePair<string, object?>("write", what));
}
