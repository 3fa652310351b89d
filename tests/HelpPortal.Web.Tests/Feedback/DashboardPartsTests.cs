using System.Globalization;
using Bunit;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

public sealed class DashboardPartsTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 3, 31, 12, 0, 0, DateTimeKind.Utc);

    public DashboardPartsTests()
    {
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
    }

    private static DailyVoteCount Row(string slug, bool helpful, int daysAgo = 0, string lang = "en", string revision = "rev1") =>
        new(lang, slug, revision, DateOnly.FromDateTime(Now.AddDays(-daysAgo)), helpful ? 1 : 0, helpful ? 0 : 1);

    [Fact]
    public void TheTrendChartIsAnAccessibleSvgWithOneBarPerSlice()
    {
        TrendPoint[] points = [new(new DateOnly(2026, 3, 1), 3, 1), new(new DateOnly(2026, 3, 5), 0, 0), new(new DateOnly(2026, 3, 9), 1, 1)];

        var chart = Render<TrendChart>(p => p.Add(c => c.Points, points).Add(c => c.Label, "Sending limits").Add(c => c.Id, "t1"));

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("t1-title t1-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Trend for Sending limits", chart.Find("title").TextContent);
        var desc = chart.Find("desc").TextContent;
        Assert.Contains("75 % helpful of 4 votes", desc);
        Assert.Contains("no votes", desc);
        Assert.Equal(3, chart.FindAll("rect").Count);
        // The line skips the empty slice: two points.
        Assert.Equal(2, chart.Find("polyline").GetAttribute("points")!.Split(' ').Length);
    }

    [Fact]
    public void TheTableListsTheWorstArticleFirst()
    {
        var votes = new List<DailyVoteCount>();
        votes.AddRange(Enumerable.Range(0, 20).Select(i => Row("mostly-good", helpful: i < 18)));
        votes.AddRange(Enumerable.Range(0, 20).Select(i => Row("mostly-bad", helpful: i < 4)));
        votes.Add(Row("one-no", helpful: false));
        var rows = FeedbackReport.Build(votes, TestContent.Catalog(), FeedbackFilter.Default, Now);

        var table = Render<FeedbackTable>(p => p.Add(t => t.Rows, rows));

        var order = table.FindAll("tbody tr").Select(r => r.GetAttribute("data-article"));
        Assert.Equal(["en/mostly-bad", "en/one-no", "en/mostly-good"], order);
        var worst = table.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["en", "4", "16", "20 %", "0.08", "20"], worst.Take(6));
    }

    [Fact]
    public void ThePeriodAndCategoryFiltersLeaveOtherVotesOut()
    {
        DailyVoteCount[] votes = [Row("troubleshooting-email", false), Row("troubleshooting-email", true, daysAgo: 60), Row("sending-limits", false)];

        var rows = FeedbackReport.Build(
            votes.Where(v => v.Day >= DateOnly.FromDateTime(FeedbackFilter.Default.FromUtc(Now)!.Value)),
            TestContent.Catalog(),
            FeedbackFilter.From("30d", null, "email", null),
            Now);

        var row = Assert.Single(rows);
        Assert.Equal(("troubleshooting-email", "Troubleshooting email", 0, 1), (row.Slug, row.Title, row.Yes, row.No));
    }

    [Fact]
    public void TheCurrentRevisionFilterDropsVotesOnOlderText()
    {
        DailyVoteCount[] votes = [Row("troubleshooting-email", false, revision: "old"), Row("troubleshooting-email", true, revision: "rev1")];

        var rows = FeedbackReport.Build(votes, TestContent.Catalog(), FeedbackFilter.From("all", null, null, "current"), Now);

        Assert.Equal((1, 0), (rows[0].Yes, rows[0].No));
    }

    [Fact]
    public void CommentsAreShownAsTextNeverAsMarkup()
    {
        VoteComment[] comments =
        [
            new("rev1", VoteReasons.Outdated, "<script>alert('x')</script><b>bold</b>", Now),
            new("rev1", null, "older", Now.AddDays(-1)),
        ];

        var list = Render<FeedbackComments>(p => p.Add(c => c.Comments, comments));

        Assert.Empty(list.FindAll("script"));
        Assert.Empty(list.FindAll("b"));
        var texts = list.FindAll(".feedback-comment-text").Select(t => t.TextContent).ToList();
        Assert.Equal(["<script>alert('x')</script><b>bold</b>", "older"], texts);
        Assert.Contains("Outdated", list.Find(".feedback-comment-meta").TextContent);
    }
}
