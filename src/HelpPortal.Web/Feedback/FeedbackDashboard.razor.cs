using HelpPortal.Feedback;
using HelpPortal.Web.Feedback.Charts;
using HelpPortal.Web.Staff;
using Microsoft.AspNetCore.Components;

namespace HelpPortal.Web.Feedback;

public sealed partial class FeedbackDashboard
{
    /// <summary>Tester runs are drawn per day; a longer period shows its last this many days.</summary>
    private const int MaxTesterDays = 90;
    private const int TopEscalations = 20;

    private FeedbackFilter _filter = FeedbackFilter.Default;
    private string _query = "";
    private IReadOnlyList<FeedbackRow> _rows = [];
    private ChartData _helpfulness = new([], [], []);
    private ChartData _testerRuns = new([], [], []);
    private IReadOnlyList<ArticleEscalations> _escalations = [];

    [SupplyParameterFromQuery(Name = "period")] public string? Period { get; set; }
    [SupplyParameterFromQuery(Name = "lang")] public string? Language { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? CategoryId { get; set; }
    [SupplyParameterFromQuery(Name = "revision")] public string? RevisionFilter { get; set; }
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    private DateOnly _from;
    private DateOnly _today;

    protected override async Task OnParametersSetAsync()
    {
        var cancellationToken = HttpContext?.RequestAborted ?? default;
        _filter = FeedbackFilter.From(Period, Language, CategoryId, RevisionFilter);
        _query = _filter.ToQueryString();
        var now = Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var catalog = Catalog.Current;

        var counts = FeedbackReport.Select(await FeedbackReport.LoadCountsAsync(Votes, _filter, now, cancellationToken), catalog, _filter);
        var from = FeedbackReport.FirstDay(counts, _filter, now);
        _rows = FeedbackReport.Build(counts, catalog, _filter, now);
        _helpfulness = ChartBuilder.Helpfulness(counts, from, today,
            new ChartSeries("yes", L["ColYes"]), new ChartSeries("no", L["ColNo"]), []);

        var testerFrom = from < today.AddDays(1 - MaxTesterDays) ? today.AddDays(1 - MaxTesterDays) : from;
        _testerRuns = ChartBuilder.TesterRuns(await TesterRuns.GetCountsAsync(testerFrom, today, cancellationToken), testerFrom, today, L["OtherDiagnoses"]);
        _escalations = await Escalations.GetTopArticlesAsync(from, today, _filter.Lang, TopEscalations, cancellationToken);
        (_from, _today) = (from, today);
    }

    private string HelpfulnessSummary => _helpfulness.Total == 0
        ? L["ChartEmpty"]
        : L["HelpfulnessSummary",
            StaffFormat.Number(_helpfulness.Columns.Count),
            StaffFormat.Date(_helpfulness.Columns[0].Start),
            StaffFormat.Number(_helpfulness.Total),
            StaffFormat.Percent(_helpfulness.OverallShare ?? 0)];

    private string TesterSummary => L["TesterSummary",
        StaffFormat.Number(_testerRuns.Total),
        StaffFormat.Number(_testerRuns.Columns.Count),
        string.Join(", ", _testerRuns.Series.Select((s, i) => $"{s.Name} {StaffFormat.Number(_testerRuns.Columns.Sum(c => c.Values[i]))}"))];
}
