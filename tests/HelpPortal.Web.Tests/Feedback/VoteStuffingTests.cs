using System.Net;

namespace HelpPortal.Web.Tests.Feedback;

/// <summary>Dropping the visitor cookie between votes must not multiply a client's votes.</summary>
public sealed class VoteStuffingTests
{
    private const string Slug = "troubleshooting-email";

    private static async Task<HttpResponseMessage> CookielessVoteAsync(FeedbackPortal portal, string address, string helpful)
    {
        // A new client each time: no visitor cookie, as a script that throws its cookies away.
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return await FeedbackPortal.PostFormAsync(client, "/account/login", $"/en/articles/{Slug}/feedback", new() { ["helpful"] = helpful });
    }

    [Fact]
    public async Task TwentyPostsFromOneNetworkWithoutCookiesCountAsOneVote()
    {
        using var portal = new FeedbackPortal();

        for (var i = 0; i < 20; i++)
        {
            var response = await CookielessVoteAsync(portal, "203.0.113.7", i == 19 ? "no" : "yes");
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        }

        // One vote, and it is the latest answer.
        Assert.Equal((0, 1), await portal.CountAsync("en", Slug));
    }

    [Fact]
    public async Task AddressesInOneIpv6SlashSixtyFourAreOneNetwork()
    {
        using var portal = new FeedbackPortal();

        await CookielessVoteAsync(portal, "2001:db8:5:6::1", "yes");
        await CookielessVoteAsync(portal, "2001:db8:5:6:ffff::2", "yes");
        await CookielessVoteAsync(portal, "2001:db8:5:7::1", "yes");

        Assert.Equal((2, 0), await portal.CountAsync("en", Slug));
    }

    [Fact]
    public async Task VisitorsWhoKeepTheirCookieCountSeparatelyEvenOnOneNetwork()
    {
        using var portal = new FeedbackPortal();
        using var first = portal.CreateClient();
        using var second = portal.CreateClient();
        first.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "198.51.100.20");
        second.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "198.51.100.20");

        // The first visitor has its cookie before the second one (still without one) votes.
        await FeedbackPortal.PostFormAsync(first, "/account/login", $"/en/articles/sending-limits/feedback", new() { ["helpful"] = "yes" });
        await FeedbackPortal.PostFormAsync(first, "/account/login", $"/en/articles/{Slug}/feedback", new() { ["helpful"] = "yes" });
        await FeedbackPortal.PostFormAsync(second, "/account/login", $"/en/articles/sending-limits/feedback", new() { ["helpful"] = "no" });
        await FeedbackPortal.PostFormAsync(second, "/account/login", $"/en/articles/{Slug}/feedback", new() { ["helpful"] = "no" });

        // On the article both voted on with their cookies, both count; where the second came without one, it replaced.
        Assert.Equal((1, 1), await portal.CountAsync("en", Slug));
        Assert.Equal((0, 1), await portal.CountAsync("en", "sending-limits"));
    }
}
