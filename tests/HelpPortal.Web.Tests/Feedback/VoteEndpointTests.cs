using System.Net;
using HelpPortal.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

public sealed class VoteEndpointTests
{
    private const string Article = "/en/articles/troubleshooting-email";

    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, Dictionary<string, string> fields, string slug = "troubleshooting-email") =>
        FeedbackPortal.PostFormAsync(client, "/account/login", $"/en/articles/{slug}/feedback", fields);

    [Fact]
    public async Task AVoteWithoutJavaScriptIsStoredAndTheReaderIsAskedWhy()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();

        var no = await VoteAsync(client, new() { ["helpful"] = "no" });
        Assert.Equal(HttpStatusCode.SeeOther, no.StatusCode);
        Assert.Equal($"{Article}?feedback=no#feedback", no.Headers.Location?.OriginalString);
        Assert.Contains(no.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hp_visitor=", StringComparison.Ordinal) && c.Contains("httponly"));

        var details = await VoteAsync(client, new()
        {
            ["helpful"] = "no",
            ["step"] = "details",
            ["reason"] = VoteReasons.Outdated,
            ["comment"] = "The port\r\nis wrong",
        });
        Assert.Equal(HttpStatusCode.SeeOther, details.StatusCode);
        Assert.Equal($"{Article}?feedback=thanks#feedback", details.Headers.Location?.OriginalString);

        var votes = portal.Services.GetRequiredService<VoteStore>();
        var rows = await votes.GetRowsAsync(new VoteFilter(), default);
        var vote = Assert.Single(rows);
        Assert.False(vote.Helpful);
        Assert.Equal(VoteReasons.Outdated, vote.Reason);
        Assert.Equal("rev1", vote.Revision);
        var comment = Assert.Single(await votes.GetCommentsAsync(new VoteFilter(), 10, default));
        Assert.Equal("The port\nis wrong", comment.Comment);
    }

    [Fact]
    public async Task VotingAgainReplacesTheVisitorsVote()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();

        await VoteAsync(client, new() { ["helpful"] = "no" });
        var yes = await VoteAsync(client, new() { ["helpful"] = "yes" });

        Assert.Equal(HttpStatusCode.SeeOther, yes.StatusCode);
        Assert.Equal((1, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }

    [Fact]
    public async Task AVoteWithoutTheAntiforgeryTokenIsRejectedAndNothingIsStored()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();

        var response = await client.PostAsync($"{Article}/feedback", new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("token", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }

    [Fact]
    public async Task AnOversizedCommentIsRejectedAndNothingIsStored()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();

        var response = await VoteAsync(client, new() { ["helpful"] = "no", ["step"] = "details", ["comment"] = new string('x', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1000 characters", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }

    [Theory]
    [InlineData("helpful", "maybe")]
    [InlineData("reason", "because")]
    public async Task AMalformedFieldIsRejectedWithItsName(string field, string value)
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();
        var fields = new Dictionary<string, string> { ["helpful"] = "no", [field] = value };

        var response = await VoteAsync(client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}'", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }

    [Fact]
    public async Task AVoteOnAnUnknownArticleIsRejected()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();

        var response = await VoteAsync(client, new() { ["helpful"] = "yes" }, slug: "no-such-article");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-article", await response.Content.ReadAsStringAsync());
        Assert.Empty(await portal.Services.GetRequiredService<VoteStore>().GetRowsAsync(new VoteFilter(), default));
    }

    [Fact]
    public async Task VotesBeyondThePerClientLimitGet429()
    {
        using var portal = new FeedbackPortal(new Dictionary<string, string?> { ["Feedback:VotesPerClientPerMinute"] = "3" });
        using var client = portal.CreateClient();
        var page = await client.GetStringAsync("/account/login");
        var form = FeedbackPortal.HiddenFields(page);
        form["helpful"] = "yes";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync($"{Article}/feedback", new FormUrlEncodedContent(form))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal((1, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }
}
