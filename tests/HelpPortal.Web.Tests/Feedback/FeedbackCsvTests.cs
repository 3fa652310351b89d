using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

public sealed class FeedbackCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void FieldsAreQuotedAndFormulasDefused(string value, string expected) =>
        Assert.Equal(expected, FeedbackCsv.Field(value));

    [Fact]
    public async Task TheExportHasTheRowsOfTheDashboardWithItsFilters()
    {
        var catalog = TestContent.Catalog(TestContent.Article("en", "evil-title", "=cmd, \"quoted\""));
        using var portal = new FeedbackPortal(catalog: catalog);
        var votes = portal.Services.GetRequiredService<VoteStore>();
        await votes.CastAsync(new VoteInput("v1", "en", "troubleshooting-email", "rev1", true, null, null), default);
        await votes.CastAsync(new VoteInput("v2", "en", "troubleshooting-email", "rev1", false, VoteReasons.Outdated, "old"), default);
        await votes.CastAsync(new VoteInput("v3", "en", "troubleshooting-email", "rev1", true, null, null), default);
        await votes.CastAsync(new VoteInput("v1", "sv", "felsokning-e-post", "rev1", false, null, null), default);
        await votes.CastAsync(new VoteInput("v1", "en", "evil-title", "rev1", false, null, null), default);
        await portal.AddUserAsync("lead@example.com", "correct horse battery", StaffRoles.SupportLead);
        using var client = await portal.SignInAsync("lead@example.com", "correct horse battery");

        var response = await client.GetAsync("/admin/feedback.csv?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("slug,lang,title,yes,no,helpful_percent", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("evil-title,en,\"'=cmd, \"\"quoted\"\"\",0,1,0.0,", lines[1]);
        Assert.StartsWith("troubleshooting-email,en,Troubleshooting email,2,1,66.7,", lines[2]);
    }

    [Fact]
    public async Task TheDashboardShowsAReadersCommentAsText()
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();
        await FeedbackPortal.PostFormAsync(reader, "/account/login", "/en/articles/troubleshooting-email/feedback", new()
        {
            ["helpful"] = "no",
            ["step"] = "details",
            ["reason"] = VoteReasons.HardToFollow,
            ["comment"] = "<img src=x onerror=alert(1)> too long",
        });
        await portal.AddUserAsync("lead@example.com", "correct horse battery", StaffRoles.SupportLead);
        using var lead = await portal.SignInAsync("lead@example.com", "correct horse battery");

        var dashboard = await lead.GetStringAsync("/admin/feedback");
        var detail = await lead.GetStringAsync("/admin/feedback/en/troubleshooting-email");

        Assert.Contains("Troubleshooting email", dashboard);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; too long", detail);
        Assert.DoesNotContain("<img src=x", detail);
    }
}
