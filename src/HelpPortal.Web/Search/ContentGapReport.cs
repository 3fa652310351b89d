using HelpPortal.Feedback;

namespace HelpPortal.Web.Search;

/// <summary>One content gap: the searches that mean the same, with what came of them and a lead's mark.</summary>
public sealed record ContentGap(
    string Lang,
    string Key,
    int Count,
    int NoResults,
    int Opened,
    DateTime LastSeenUtc,
    IReadOnlyList<string> Examples,
    ContentGapMark? Mark,
    bool CameBack)
{
    /// <summary>Readers found nothing, or found something and opened none of it.</summary>
    public bool NeedsAttention => NoResults > 0 || Opened == 0;

    /// <summary>Done and quiet since: listed apart, out of the way.</summary>
    public bool IsSettled => Mark?.Status == ContentGapStatus.Done && !CameBack;
}

/// <summary>Groups the logged queries into gaps under the search's own idea of "the same query".</summary>
internal static class ContentGapReport
{
    public const int MaxExamples = 3;

    /// <param name="keyOf">The search's key for a query (case, accents, typos and word order folded).</param>
    public static IReadOnlyList<ContentGap> Build(
        IEnumerable<QueryStats> queries, Func<string, string> keyOf, IEnumerable<ContentGapMark> marks)
    {
        var marked = marks.ToDictionary(m => (m.Lang, m.GapKey));
        return queries
            .Select(q => (Query: q, Key: keyOf(q.Query) is { Length: > 0 } key ? key : q.Query))
            .GroupBy(q => (q.Query.Lang, q.Key))
            .Select(g =>
            {
                var mark = marked.GetValueOrDefault(g.Key);
                var lastNoResult = g.Max(q => q.Query.LastNoResultUtc);
                return new ContentGap(
                    g.Key.Lang,
                    g.Key.Key,
                    g.Sum(q => q.Query.Count),
                    g.Sum(q => q.Query.NoResults),
                    g.Sum(q => q.Query.Opened),
                    g.Max(q => q.Query.LastSeenUtc),
                    g.OrderByDescending(q => q.Query.Count).ThenBy(q => q.Query.Query, StringComparer.Ordinal)
                        .Take(MaxExamples).Select(q => q.Query.Query).ToList(),
                    mark,
                    // Marked done, yet readers still find nothing after that: the gap is back.
                    CameBack: mark?.Status == ContentGapStatus.Done && lastNoResult > mark.MarkedUtc);
            })
            .OrderBy(g => g.IsSettled)
            .ThenByDescending(g => g.NeedsAttention)
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g.Lang, StringComparer.Ordinal)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }
}
