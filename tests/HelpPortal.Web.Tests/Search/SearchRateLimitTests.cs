using System.Net;
using HelpPortal.Web.Search;
using HelpPortal.Web.Tests.Feedback;

namespace HelpPortal.Web.Tests.Search;

public sealed class SearchRateLimitTests
{
    private static FeedbackPortal PortalAllowing(int permits) => new(
        new Dictionary<string, string?> { [SearchFeature.RequestsPerClientPerMinuteKey] = permits.ToString() },
        SearchContent.Catalog());

    [Theory]
    [InlineData("/en/search/suggest?q=smt")]
    [InlineData("/en/search?q=smtp")]
    [InlineData("/en/search/open?slug=smtp-settings&sid=1")]
    public async Task AClientOverTheSearchLimitGets429WithAReason(string url)
    {
        using var portal = PortalAllowing(3);
        using var client = portal.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync(url)).StatusCode);
        }
        var rejected = await client.GetAsync(url);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Contains("Too many requests", await rejected.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadingArticlesIsNotCountedAgainstTheSearchLimit()
    {
        using var portal = PortalAllowing(1);
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/search?q=smtp")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/articles/smtp-settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/articles/smtp-settings")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/en/search?q=imap")).StatusCode);
    }
}
