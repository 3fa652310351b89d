using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback.Charts;
using HelpPortal.Web.Staff;
using Microsoft.AspNetCore.Components;

namespace HelpPortal.Web.Feedback;

public sealed partial class FeedbackArticle
{
    private const int MaxComments = 500;
    private const string NoReason = "none";

    private FeedbackFilter _filter = FeedbackFilter.Default;
    private string _query = "";
    private string _title = "";
    private Article? _article;
    private IReadOnlyList<FeedbackRow> _rows = [];
    private ChartData _helpfulness = new([], [], []);
    private ChartData _reasons = new([], [], []);
    private Dictionary<string, int> _reasonTotals = [];
    private IReadOnlyList<RevisionVotes> _revisions = [];
    private ArticleEscalations _escalations = new("", "", 0, new Dictionary<string, int>());
    private IReadOnlyList<VoteComment> _comments = [];

    [Parameter] public string ArticleLang { get; set; } = "";
    [Parameter] public string Slug { get; set; } = "";
    [SupplyParameterFromQuery(Name = "period")] public string? Period { get; set; }
    [SupplyParameterFromQuery(Name = "revision")] public string? RevisionFilter { get; set; }
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var cancellationToken = HttpContext?.RequestAborted ?? default;
        _filter = FeedbackFilter.From(Period, ArticleLang, null, RevisionFilter);
        _query = _filter.ToQueryString();
        _article = Catalog.Current.Find(ArticleLang, Slug);
        _title = _article?.Title ?? Slug;
        var now = Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var revision = _filter.Revision switch
        {
            FeedbackFilter.AllRevisions => null,
            FeedbackFilter.CurrentRevision => _article?.Revision ?? "",
            var specific => specific,
        };
        var filter = new VoteFilter(_filter.FromUtc(now), null, ArticleLang, Slug, revision);

        var counts = await Report.GetDailyCountsAsync(filter, cancellationToken);
        var from = FeedbackReport.FirstDay(counts, _filter, now);
        _rows = FeedbackReport.Build(counts, Catalog.Current, _filter with { Revision = FeedbackFilter.AllRevisions }, now);
        // Revisions over all time, so a rewrite before the period still names the text the votes are about.
        _revisions = await Report.GetRevisionsAsync(new VoteFilter(Lang: ArticleLang, Slug: Slug), cancellationToken);
        var markers = _revisions.Skip(1)
            .Select(r => new ChartMarker(DateOnly.FromDateTime(r.FirstVoteUtc), L["RevisionFrom", r.Revision, StaffFormat.Date(DateOnly.FromDateTime(r.FirstVoteUtc))]))
            .ToList();
        _helpfulness = ChartBuilder.Helpfulness(counts, from, today, new ChartSeries("yes", L["ColYes"]), new ChartSeries("no", L["ColNo"]), markers);

        var reasons = await Report.GetReasonCountsAsync(filter, cancellationToken);
        _reasonTotals = reasons.GroupBy(r => r.Reason ?? NoReason).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var series = VoteReasons.All.Append(NoReason).Select(r => new ChartSeries(r, L["Reason_" + r])).ToList();
        _reasons = ChartBuilder.Weekly(reasons.Select(r => (r.Day, r.Reason ?? NoReason, r.Count)), from, today, series);

        var escalated = await Escalations.GetTopArticlesAsync(from, today, ArticleLang, int.MaxValue, cancellationToken);
        _escalations = escalated.FirstOrDefault(e => e.Slug == Slug) ?? _escalations;
        _comments = await Votes.GetCommentsAsync(filter, MaxComments, cancellationToken);
    }

    private string HelpfulnessSummary => _helpfulness.Total == 0
        ? L["ChartEmpty"]
        : L["HelpfulnessSummary",
            StaffFormat.Number(_helpfulness.Columns.Count),
            StaffFormat.Date(_helpfulness.Columns[0].Start),
            StaffFormat.Number(_helpfulness.Total),
            StaffFormat.Percent(_helpfulness.OverallShare ?? 0)]
          + (_helpfulness.Markers.Count == 0 ? "" : " " + string.Join("; ", _helpfulness.Markers.Select(m => m.Label)) + ".");

    private string ReasonsSummary => L["ReasonsSummary",
        StaffFormat.Number(_reasons.Total),
        string.Join(", ", _reasons.Series.Select((s, i) => $"{s.Name} {StaffFormat.Number(_reasons.Columns.Sum(c => c.Values[i]))}"))];

    private string Link(string revision) =>
        $"/admin/feedback/{ArticleLang}/{Slug}{(_filter with { Revision = revision }).ToQueryString()}";
}
