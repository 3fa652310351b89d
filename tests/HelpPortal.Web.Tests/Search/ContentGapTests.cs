using System.Net;
using HelpPortal.Articles.Search;
using HelpPortal.Feedback;
using HelpPortal.Web.Search;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Web.Tests.Search;

public sealed class ContentGapTests
{
    private const string Password = "correct horse battery";
    private static readonly DateTime Day = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);

    private static QueryStats Query(string query, int count, int noResults = 0, int opened = 0, string lang = "en", int hour = 10) =>
        new(query, lang, count, noResults, opened, Day.AddHours(hour - 10), noResults > 0 ? Day.AddHours(hour - 10) : null);

    [Fact]
    public void KnownQueriesFallIntoTheExpectedGaps()
    {
        using var search = new SearchService(new TestCatalogSource(SearchContent.Catalog()), NullLogger<SearchService>.Instance);
        QueryStats[] queries =
        [
            Query("smtp port", 5, opened: 4),
            Query("port smtp", 2, opened: 2, hour: 12),   // word order
            Query("smpt port", 1, opened: 0, hour: 11),   // a typo the search corrects
            Query("fax", 3, noResults: 3),
            Query("FAX", 1, noResults: 1),                // logged queries are lower case already; case still folds
            Query("faxes", 1, noResults: 1),             // another word: its own gap
            Query("lösenord", 2, opened: 1, lang: "sv"),
            Query("losenord", 1, opened: 1, lang: "sv"),  // without the accent
            Query("imap", 4, opened: 0),
        ];

        var gaps = ContentGapReport.Build(queries, search.GapKey, []);

        Assert.Equal(
            [("en", "fax"), ("en", "imap"), ("en", "faxes"), ("en", "port smtp"), ("sv", "losenord")],
            gaps.Select(g => (g.Lang, g.Key)));
        var smtp = Assert.Single(gaps, g => g.Key == "port smtp");
        Assert.Equal((8, 0, 6), (smtp.Count, smtp.NoResults, smtp.Opened));
        Assert.Equal(["smtp port", "port smtp", "smpt port"], smtp.Examples);
        Assert.Equal(Day.AddHours(2), smtp.LastSeenUtc);
        Assert.Equal((4, 4), (gaps[0].Count, gaps[0].NoResults));
        Assert.Equal(3, Assert.Single(gaps, g => g.Lang == "sv").Count);
    }

    [Fact]
    public void ADoneGapComesBackWhenReadersStillFindNothingAfterwards()
    {
        ContentGapMark Done(string key, DateTime when) =>
            new() { Lang = "en", GapKey = key, Status = ContentGapStatus.Done, MarkedBy = "lead@example.com", MarkedUtc = when };

        var gaps = ContentGapReport.Build(
            [Query("fax", 3, noResults: 3, hour: 14), Query("zebra", 9, noResults: 9, hour: 9), Query("smtp", 1, opened: 1)],
            q => q,
            [Done("fax", Day.AddHours(1)), Done("zebra", Day.AddHours(1))]);

        Assert.Equal(["fax", "smtp", "zebra"], gaps.Select(g => g.Key));
        Assert.True(gaps[0].CameBack);
        Assert.True(gaps[2].IsSettled);
    }

    [Fact]
    public async Task ALeadMarksAGapPlannedThenDoneAndThePageShowsWhoAndWhen()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var lead = await portal.SignInAsync("lead@example.com", Password);
        await lead.GetStringAsync("/en/search?q=Zebra");
        await lead.GetStringAsync("/en/search?q=zebra");

        var planned = await FeedbackPortal.PostFormAsync(lead, "/admin/search?lang=en", ContentGapEndpoint.Path, new()
        {
            ["lang"] = "en", ["key"] = "zebra", ["status"] = "Planned",
        });

        Assert.Equal(HttpStatusCode.SeeOther, planned.StatusCode);
        Assert.StartsWith("/admin/search?", planned.Headers.Location?.OriginalString);
        var mark = Assert.Single(await portal.Services.GetRequiredService<ContentGapStore>().GetMarksAsync("en", default));
        Assert.Equal(("zebra", ContentGapStatus.Planned, "lead@example.com"), (mark.GapKey, mark.Status, mark.MarkedBy));
        var page = SearchHtml.Parse(await lead.GetStringAsync("/admin/search?lang=en"));
        var row = page.Document.QuerySelector("tr[data-gap=zebra]")!;
        Assert.Equal("planned", row.GetAttribute("data-status"));
        Assert.Contains($"by lead@example.com on {HelpPortal.Web.Staff.StaffFormat.Date(DateOnly.FromDateTime(DateTime.UtcNow))}", row.TextContent);
        Assert.Contains("2", row.QuerySelectorAll("td")[1].TextContent);

        await FeedbackPortal.PostFormAsync(lead, "/admin/search?lang=en", ContentGapEndpoint.Path, new()
        {
            ["lang"] = "en", ["key"] = "zebra", ["status"] = "Done",
        });
        var done = SearchHtml.Parse(await lead.GetStringAsync("/admin/search?lang=en"));
        Assert.Equal("done", done.Document.QuerySelector("tr[data-gap=zebra]")?.GetAttribute("data-status"));

        await Task.Delay(10); // the next search must be logged after the mark, not in the same instant
        await lead.GetStringAsync("/en/search?q=zebras");
        await lead.GetStringAsync("/en/search?q=ZEBRA");
        var back = SearchHtml.Parse(await lead.GetStringAsync("/admin/search?lang=en"));
        Assert.Equal("back", back.Document.QuerySelector("tr[data-gap=zebra]")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task OnlyASupportLeadWithTheFormsTokenCanMarkAGap()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        await portal.AddUserAsync("editor@example.com", Password, StaffRoles.Editor);
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var editor = await portal.SignInAsync("editor@example.com", Password);
        using var lead = await portal.SignInAsync("lead@example.com", Password);
        using var anonymous = portal.CreateClient();
        var fields = new Dictionary<string, string> { ["lang"] = "en", ["key"] = "zebra", ["status"] = "Done" };

        var byEditor = await editor.PostAsync(ContentGapEndpoint.Path, new FormUrlEncodedContent(fields));
        var byStranger = await anonymous.PostAsync(ContentGapEndpoint.Path, new FormUrlEncodedContent(fields));
        var withoutToken = await lead.PostAsync(ContentGapEndpoint.Path, new FormUrlEncodedContent(fields));
        var badStatus = await FeedbackPortal.PostFormAsync(lead, "/admin/search", ContentGapEndpoint.Path, new(fields) { ["status"] = "7" });

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Empty(await portal.Services.GetRequiredService<ContentGapStore>().GetMarksAsync(null, default));
    }

    [Theory]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=9999-12-31&to=9999-12-31")]
    [InlineData("from=0001-01-01&to=0001-01-01")]
    public async Task DatesOutsideTheSupportedRangeAreClampedNeverA500(string query)
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        await portal.AddUserAsync("lead@example.com", Password, StaffRoles.SupportLead);
        using var lead = await portal.SignInAsync("lead@example.com", Password);
        await lead.GetStringAsync("/en/search?q=zebra");

        var response = await lead.GetAsync($"/admin/search?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
