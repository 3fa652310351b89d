using System.Net;
using HelpPortal.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

public sealed class VoteEndpointTests
{
    private const string Article = "/en/articles/troubleshooting-email";

    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, Dictionary<string, string> fields, string slug = "troubleshooting-email") =>
        FeedbackPortal.PostFormAsync(client, Article, $"/en/articles/{slug}/feedback", fields);

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
        // The visitor cookie is protected with keys kept in the store, so it survives a restart.
        using var scope = portal.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys);
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

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "http://localhost:8080")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "https://evil.example/en/articles/troubleshooting-email")]
    [InlineData(null, null)]
    public async Task AVoteFromAnotherSiteIsRefusedAndNothingIsStored(string? header, string? value)
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Article}/feedback")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("this site's own pages", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await portal.CountAsync("en", "troubleshooting-email"));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("hp_visitor=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Referer", "http://localhost/en/articles/troubleshooting-email")]
    public async Task AVoteFromOurOwnPageIsCounted(string header, string value)
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Article}/feedback")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal((1, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }

    [Fact]
    public async Task ACrossSiteFetchIsRefusedEvenWithOurOrigin()
    {
        using var portal = new FeedbackPortal();
        using var client = portal.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Article}/feedback")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
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
        var page = await client.GetStringAsync(Article);
        var form = FeedbackPortal.HiddenFields(page);
        form["helpful"] = "yes";

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await FeedbackPortal.PostFromOwnPageAsync(client, $"{Article}/feedback", form));
        }
        var statuses = responses.Select(r => r.StatusCode).ToList();

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many requests", await responses[3].Content.ReadAsStringAsync());
        Assert.Equal((1, 0), await portal.CountAsync("en", "troubleshooting-email"));
    }
}
