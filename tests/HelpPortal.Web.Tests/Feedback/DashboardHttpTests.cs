using System.Data.Common;
using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback.Charts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

public sealed class DashboardHttpTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task TheDashboardAndTheCsvReadCountsNotEveryVote()
    {
        var reads = new VoteRowsRead();
        using var portal = new FeedbackPortal(services: s => s.ConfigureDbContext<PortalDbContext>((_, o) => o.AddInterceptors(reads)));
        var votes = portal.Services.GetRequiredService<VoteStore>();
        for (var i = 0; i < 120; i++)
        {
            await votes.CastAsync(new VoteInput($"visitor-{i}", "en", "troubleshooting-email", "rev1", i % 3 != 0, null, null), default);
        }
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var lead = await portal.SignInAsync("lead@example.com", Password);
        reads.Reset();

        var page = await lead.GetAsync("/admin/feedback");
        var csv = await lead.GetStringAsync("/admin/feedback.csv");
        var article = await lead.GetAsync("/admin/feedback/en/troubleshooting-email");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains("troubleshooting-email,en,Troubleshooting email,80,40,", csv);
        // A handful of grouped rows per page, not 120 votes (the article page also reads its newest comments, none here).
        Assert.InRange(reads.Rows, 1, 12);
    }

    [Fact]
    public async Task TheDashboardDrawsHelpfulnessPerWeekAndTesterRunsPerDay()
    {
        using var portal = new FeedbackPortal();
        var votes = portal.Services.GetRequiredService<VoteStore>();
        await votes.CastAsync(new VoteInput("v1", "en", "troubleshooting-email", "rev1", true, null, null), default);
        await votes.CastAsync(new VoteInput("v2", "en", "troubleshooting-email", "rev1", false, VoteReasons.Outdated, null), default);
        await portal.Services.GetRequiredService<ITesterRunLog>().RecordAsync("auth-failed", default);
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var lead = await portal.SignInAsync("lead@example.com", Password);

        var html = await lead.GetStringAsync("/admin/feedback?period=30d");

        var page = Search.SearchHtml.Parse(html);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var weeks = ChartBuilder.Weeks(today.AddDays(-29), today).Count;
        Assert.Equal(weeks, page.Document.QuerySelectorAll("[data-chart=helpfulness] g.chart-column").Length);
        Assert.Equal("2", page.Document.QuerySelectorAll("[data-chart=helpfulness] g.chart-column").Last().GetAttribute("data-total"));
        Assert.Equal(30, page.Document.QuerySelectorAll("[data-chart=tester-runs] g.chart-column").Length);
        Assert.NotNull(page.Document.QuerySelector("[data-chart=tester-runs] rect[data-series=auth-failed]"));
    }

    [Theory]
    [InlineData("en", "December 2026")]
    [InlineData("sv", "december 2026")]
    public async Task StaffPagesWriteDatesDayFirstInTheirLanguage(string language, string monthAndYear)
    {
        using var portal = new FeedbackPortal();
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var lead = await portal.SignInAsync("lead@example.com", Password);
        lead.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var when = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);
            db.Votes.Add(new Vote { VisitorId = "v", Lang = "en", Slug = "troubleshooting-email", Revision = "rev1", Comment = "Old ports", CreatedUtc = when, UpdatedUtc = when });
            await db.SaveChangesAsync();
        }

        var html = await lead.GetStringAsync("/admin/feedback/en/troubleshooting-email?period=all");

        Assert.Contains($"3 {monthAndYear} 09:30 UTC", html);
        Assert.DoesNotContain("12/3/2026", html);
    }

    /// <summary>Counts the rows the portal reads from queries on the votes table.</summary>
    private sealed class VoteRowsRead : DbCommandInterceptor
    {
        private int _rows;

        public int Rows => Volatile.Read(ref _rows);

        public void Reset() => Interlocked.Exchange(ref _rows, 0);

        public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Count(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command, DataReaderClosingEventData eventData)
        {
            if (command.CommandText.Contains("FROM \"Votes\"", StringComparison.Ordinal))
            {
                Interlocked.Add(ref _rows, eventData.ReadCount);
            }
        }
    }
}
