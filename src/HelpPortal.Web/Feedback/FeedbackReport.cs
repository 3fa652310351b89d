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

/// <summary>Turns stored votes and the catalog into the dashboard's rows.</summary>
internal static class FeedbackReport
{
    private const int TrendPoints = 8;

    public static async Task<IReadOnlyList<FeedbackRow>> LoadAsync(
        VoteStore votes, ContentCatalog catalog, FeedbackFilter filter, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var specificRevision = filter.Revision is FeedbackFilter.AllRevisions or FeedbackFilter.CurrentRevision ? null : filter.Revision;
        var rows = await votes.GetRowsAsync(new VoteFilter(filter.FromUtc(nowUtc), null, filter.Lang, null, specificRevision), cancellationToken);
        return Build(rows, catalog, filter, nowUtc);
    }

    /// <summary>Worst first: the articles we are most sure fail readers, then those with the most "No".</summary>
    public static IReadOnlyList<FeedbackRow> Build(IEnumerable<VoteRow> votes, ContentCatalog catalog, FeedbackFilter filter, DateTime nowUtc)
    {
        var selected = votes.Where(v => Matches(v, catalog, filter)).ToList();
        var from = filter.FromUtc(nowUtc) ?? (selected.Count == 0 ? nowUtc.Date : selected.Min(v => v.UpdatedUtc).Date);
        return selected
            .GroupBy(v => (v.Lang, v.Slug))
            .Select(g => new FeedbackRow(
                g.Key.Lang,
                g.Key.Slug,
                catalog.Find(g.Key.Lang, g.Key.Slug)?.Title ?? g.Key.Slug,
                g.Count(v => v.Helpful),
                g.Count(v => !v.Helpful),
                Trend(g, from, nowUtc)))
            .OrderByDescending(r => r.FailureConfidence)
            .ThenByDescending(r => r.No)
            .ThenBy(r => r.Lang, StringComparer.Ordinal)
            .ThenBy(r => r.Slug, StringComparer.Ordinal)
            .ToList();
    }

    private static bool Matches(VoteRow vote, ContentCatalog catalog, FeedbackFilter filter)
    {
        var article = catalog.Find(vote.Lang, vote.Slug);
        if (filter.Category is { } category
            && (article is null || !article.Categories.Any(c => c == category || catalog.Trail(c).Any(t => t.Id == category))))
        {
            return false;
        }
        return filter.Revision != FeedbackFilter.CurrentRevision || article?.Revision == vote.Revision;
    }

    /// <summary>The period cut into equal slices; each slice counts the votes last changed in it.</summary>
    public static IReadOnlyList<TrendPoint> Trend(IEnumerable<VoteRow> votes, DateTime fromUtc, DateTime nowUtc)
    {
        var firstDay = DateOnly.FromDateTime(fromUtc);
        var days = Math.Max(1, DateOnly.FromDateTime(nowUtc).DayNumber - firstDay.DayNumber + 1);
        var sliceDays = (int)Math.Ceiling(days / (double)TrendPoints);
        var slices = (int)Math.Ceiling(days / (double)sliceDays);
        var yes = new int[slices];
        var no = new int[slices];
        foreach (var vote in votes)
        {
            var index = Math.Clamp((DateOnly.FromDateTime(vote.UpdatedUtc).DayNumber - firstDay.DayNumber) / sliceDays, 0, slices - 1);
            if (vote.Helpful)
            {
                yes[index]++;
            }
            else
            {
                no[index]++;
            }
        }
        return Enumerable.Range(0, slices).Select(i => new TrendPoint(firstDay.AddDays(i * sliceDays), yes[i], no[i])).ToList();
    }
}
