using System.Globalization;
using HelpPortal.Articles;
using HelpPortal.Feedback;

namespace HelpPortal.Web.Feedback;

/// <summary>The dashboard's filters, read from the query string; unknown values fall back to the defaults.</summary>
public sealed record FeedbackFilter(string Period, string? Lang, string? Category, string Revision)
{
    public const string AllRevisions = "all";
    public const string CurrentRevision = "current";
    public static IReadOnlyList<string> Periods { get; } = ["7d", "30d", "90d", "365d", "all"];
    public static FeedbackFilter Default { get; } = new("30d", null, null, AllRevisions);

    public static FeedbackFilter From(string? period, string? lang, string? category, string? revision) => new(
        period is not null && Periods.Contains(period) ? period : Default.Period,
        ContentCatalog.IsLanguage(lang) ? lang : null,
        string.IsNullOrWhiteSpace(category) ? null : category,
        string.IsNullOrWhiteSpace(revision) ? AllRevisions : revision);

    /// <summary>The first instant of the period, or null for all time.</summary>
    public DateTime? FromUtc(DateTime nowUtc) => Period == "all"
        ? null
        : nowUtc.Date.AddDays(1 - int.Parse(Period.TrimEnd('d'), CultureInfo.InvariantCulture));

    /// <summary>The filter as query-string pairs, for links that keep it (the drill-down, the CSV).</summary>
    public string ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Period,
        ["lang"] = Lang,
        ["category"] = Category,
        ["revision"] = Revision == AllRevisions ? null : Revision,
    }.Where(p => p.Value is not null)).ToUriComponent();
}

/// <summary>One period slice of an article's trend.</summary>
public sealed record TrendPoint(DateOnly Start, int Yes, int No)
{
    public int Total => Yes + No;
}

/// <summary>One dashboard row: an article in one language.</summary>
public sealed record FeedbackRow(string Lang, string Slug, string Title, int Yes, int No, IReadOnlyList<TrendPoint> Trend)
{
    public int Votes => Yes + No;
    public double? HelpfulPercent => VoteStatistics.HelpfulPercent(Yes, Votes);
    public double WilsonLowerBound => VoteStatistics.WilsonLowerBound(Yes, Votes);
    /// <summary>How sure we are that the article fails readers: the Wilson lower bound of the "No" share.</summary>
    public double FailureConfidence => VoteStatistics.WilsonLowerBound(No, Votes);
}

/// <summary>Turns the store's daily vote counts and the catalog into the dashboard's rows.</summary>
internal static class FeedbackReport
{
    private const int TrendPoints = 8;

    /// <summary>The period's daily counts, grouped and counted by the store, before the catalog filters.</summary>
    public static Task<IReadOnlyList<DailyVoteCount>> LoadCountsAsync(
        VoteReport report, FeedbackFilter filter, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var specificRevision = filter.Revision is FeedbackFilter.AllRevisions or FeedbackFilter.CurrentRevision ? null : filter.Revision;
        return report.GetDailyCountsAsync(new VoteFilter(filter.FromUtc(nowUtc), null, filter.Lang, null, specificRevision), cancellationToken);
    }

    public static async Task<IReadOnlyList<FeedbackRow>> LoadAsync(
        VoteReport report, ContentCatalog catalog, FeedbackFilter filter, DateTime nowUtc, CancellationToken cancellationToken) =>
        Build(await LoadCountsAsync(report, filter, nowUtc, cancellationToken), catalog, filter, nowUtc);

    /// <summary>The counts the catalog filters (category, current revision) keep.</summary>
    public static IReadOnlyList<DailyVoteCount> Select(IEnumerable<DailyVoteCount> counts, ContentCatalog catalog, FeedbackFilter filter) =>
        counts.Where(c => Matches(c, catalog, filter)).ToList();

    /// <summary>The first day the period covers: its start, or the first vote for "all time".</summary>
    public static DateOnly FirstDay(IReadOnlyList<DailyVoteCount> counts, FeedbackFilter filter, DateTime nowUtc) =>
        filter.FromUtc(nowUtc) is { } start
            ? DateOnly.FromDateTime(start)
            : counts.Count == 0 ? DateOnly.FromDateTime(nowUtc) : counts.Min(c => c.Day);

    /// <summary>Worst first: the articles we are most sure fail readers, then those with the most "No".</summary>
    public static IReadOnlyList<FeedbackRow> Build(IEnumerable<DailyVoteCount> counts, ContentCatalog catalog, FeedbackFilter filter, DateTime nowUtc)
    {
        var selected = Select(counts, catalog, filter);
        var from = FirstDay(selected, filter, nowUtc);
        return selected
            .GroupBy(c => (c.Lang, c.Slug))
            .Select(g => new FeedbackRow(
                g.Key.Lang,
                g.Key.Slug,
                catalog.Find(g.Key.Lang, g.Key.Slug)?.Title ?? g.Key.Slug,
                g.Sum(c => c.Yes),
                g.Sum(c => c.No),
                Trend(g, from, nowUtc)))
            .OrderByDescending(r => r.FailureConfidence)
            .ThenByDescending(r => r.No)
            .ThenBy(r => r.Lang, StringComparer.Ordinal)
            .ThenBy(r => r.Slug, StringComparer.Ordinal)
            .ToList();
    }

    private static bool Matches(DailyVoteCount count, ContentCatalog catalog, FeedbackFilter filter)
    {
        var article = catalog.Find(count.Lang, count.Slug);
        if (filter.Category is { } category
            && (article is null || !article.Categories.Any(c => c == category || catalog.Trail(c).Any(t => t.Id == category))))
        {
            return false;
        }
        return filter.Revision != FeedbackFilter.CurrentRevision || article?.Revision == count.Revision;
    }

    /// <summary>The period cut into equal slices; each slice counts the votes last changed in it.</summary>
    public static IReadOnlyList<TrendPoint> Trend(IEnumerable<DailyVoteCount> counts, DateOnly firstDay, DateTime nowUtc)
    {
        var days = Math.Max(1, DateOnly.FromDateTime(nowUtc).DayNumber - firstDay.DayNumber + 1);
        var sliceDays = (int)Math.Ceiling(days / (double)TrendPoints);
        var slices = (int)Math.Ceiling(days / (double)sliceDays);
        var yes = new int[slices];
        var no = new int[slices];
        foreach (var count in counts)
        {
            var index = Math.Clamp((count.Day.DayNumber - firstDay.DayNumber) / sliceDays, 0, slices - 1);
            yes[index] += count.Yes;
            no[index] += count.No;
        }
        return Enumerable.Range(0, slices).Select(i => new TrendPoint(firstDay.AddDays(i * sliceDays), yes[i], no[i])).ToList();
    }
}
