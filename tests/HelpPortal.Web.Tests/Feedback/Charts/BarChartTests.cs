using System.Globalization;
using Bunit;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback.Charts;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback.Charts;

public sealed class BarChartTests : BunitContext
{
    private static readonly ChartSeries Yes = new("yes", "Yes");
    private static readonly ChartSeries No = new("no", "No");

    public BarChartTests()
    {
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        UseCulture("en");
    }

    private static void UseCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(name);

    /// <summary>Votes in the weeks of 2, 9 and 23 November 2026 (Mondays), none in the week of 16 November.</summary>
    private static DailyVoteCount[] KnownVotes =>
    [
        new("en", "a", "r1", new DateOnly(2026, 11, 3), 3, 1),
        new("en", "b", "r1", new DateOnly(2026, 11, 8), 1, 0),
        new("en", "a", "r1", new DateOnly(2026, 11, 10), 0, 2),
        new("en", "a", "r2", new DateOnly(2026, 11, 24), 4, 0),
    ];

    private IRenderedComponent<BarChart> RenderHelpfulness(params ChartMarker[] markers)
    {
        var data = ChartBuilder.Helpfulness(KnownVotes, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 29), Yes, No, markers);
        return Render<BarChart>(p => p
            .Add(c => c.Id, "h")
            .Add(c => c.Title, "Helpfulness per week")
            .Add(c => c.Summary, "four weeks")
            .Add(c => c.Data, data)
            .Add(c => c.ColumnHeader, "Week of")
            .Add(c => c.ShareName, "Helpful"));
    }

    [Fact]
    public void KnownVotesGiveOnePointPerWeekAndALinePointPerWeekWithVotes()
    {
        var chart = RenderHelpfulness();

        var columns = chart.FindAll("g.chart-column");
        Assert.Equal(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"], columns.Select(c => c.GetAttribute("data-start")));
        Assert.Equal(["5", "2", "0", "4"], columns.Select(c => c.GetAttribute("data-total")));
        // Yes and No stacked where both exist; an empty week has no bar.
        Assert.Equal(2, columns[0].QuerySelectorAll("rect").Length);
        Assert.Empty(columns[2].QuerySelectorAll("rect"));
        Assert.Equal(3, chart.Find("polyline.chart-line").GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(3, chart.FindAll("circle.chart-dot").Count);
    }

    [Fact]
    public void TheChartIsAnAccessibleImageWithItsNumbersInATableBelow()
    {
        var chart = RenderHelpfulness();

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("h-title h-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Helpfulness per week", chart.Find("svg > title").TextContent);
        Assert.Equal("four weeks", chart.Find("svg > desc").TextContent);
        Assert.Null(chart.Find("figure").QuerySelector("[style]"));
        var rows = chart.FindAll("table[data-chart-table=h] tbody tr");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["2 November 2026", "4", "1", "5", "80 %"], rows[0].Children.Select(c => c.TextContent));
        Assert.Equal(["16 November 2026", "0", "0", "0", "–"], rows[2].Children.Select(c => c.TextContent));
    }

    [Fact]
    public void ARevisionIsMarkedOnTheTimeAxisAtItsDay()
    {
        var chart = RenderHelpfulness(new ChartMarker(new DateOnly(2026, 11, 24), "Revision r2"));

        var marker = chart.Find("g.chart-marker");
        Assert.Equal("2026-11-24", marker.GetAttribute("data-day"));
        Assert.Equal("Revision r2", marker.QuerySelector("title")!.TextContent);
        // Inside the fourth of four columns, one day after its start.
        var x = double.Parse(marker.QuerySelector("line")!.GetAttribute("x1")!, CultureInfo.InvariantCulture);
        Assert.InRange(x, 40 + 3 * 148, 40 + 3 * 148 + 148 / 7.0 + 1);
    }

    [Theory]
    [InlineData("en", "3 December 2026", "3 Dec")]
    [InlineData("sv", "3 december 2026", "3 dec.")]
    public void DatesAreDayFirstInTheUiCulture(string culture, string longDate, string shortDate)
    {
        UseCulture(culture);
        var data = ChartBuilder.TesterRuns([new DiagnosisCount(new DateOnly(2026, 12, 3), "ok", 1234)],
            new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3), "other");

        var chart = Render<BarChart>(p => p.Add(c => c.Id, "t").Add(c => c.Title, "Tests").Add(c => c.Summary, "")
            .Add(c => c.Data, data).Add(c => c.ColumnHeader, "Day"));

        var row = chart.Find("tbody tr");
        Assert.Equal(longDate, row.QuerySelector("th")!.TextContent);
        Assert.Equal("2026-12-03", row.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(1234.ToString("N0", CultureInfo.GetCultureInfo(culture)), row.QuerySelector("td")!.TextContent);
        Assert.Contains(shortDate, chart.FindAll("text.chart-axis").Select(t => t.TextContent));
    }

    [Fact]
    public void TesterRunsAreOneColumnPerDayStackedByDiagnosisWithRareCodesAsOther()
    {
        var day = new DateOnly(2026, 12, 1);
        DiagnosisCount[] counts =
        [
            .. new[] { "ok", "auth-failed", "timeout", "host-not-found", "tls-expired", "mailbox-full", "rate-limited" }
                .Select((code, i) => new DiagnosisCount(day, code, 20 - i)),
            new(day.AddDays(2), "sending-limit", 1),
            new(day.AddDays(2), "ok", 3),
        ];

        var data = ChartBuilder.TesterRuns(counts, day, day.AddDays(2), "other");

        Assert.Equal(3, data.Columns.Count);
        Assert.Equal(ChartBuilder.MaxStackedSeries, data.Series.Count);
        Assert.Equal(ChartBuilder.OtherKey, data.Series[^1].Key);
        Assert.Equal(14, data.Columns[0].Values[^1]); // rate-limited, the seventh code
        Assert.Equal(0, data.Columns[1].Total);
        Assert.Equal([3, 0, 0, 0, 0, 0, 1], data.Columns[2].Values);
    }

    [Fact]
    public void WeeksStartOnMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), ChartBuilder.WeekOf(new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateOnly(2026, 11, 30), ChartBuilder.WeekOf(new DateOnly(2026, 11, 30)));
    }
}
