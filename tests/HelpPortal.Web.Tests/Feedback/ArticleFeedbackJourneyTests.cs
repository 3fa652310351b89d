using System.Net;
using System.Text.RegularExpressions;
using HelpPortal.Feedback;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Feedback;

/// <summary>The vote as a reader without JavaScript casts it: on the real article page of the shipped content.</summary>
public sealed partial class ArticleFeedbackJourneyTests
{
    private const string ArticleUrl = "/en/articles/troubleshooting-email";

    [Fact]
    public async Task AReaderWithoutJavaScriptVotesNoGivesAReasonAndIsThanked()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var article = await client.GetStringAsync(ArticleUrl);
        Assert.Contains("Was this article helpful?", article);
        var first = await PostFeedbackFormAsync(client, article, new() { ["helpful"] = "no" });
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);

        var askWhy = await client.GetStringAsync(first.Headers.Location);
        Assert.Contains("Did not solve my problem", askWhy);
        var second = await PostFeedbackFormAsync(client, askWhy, new()
        {
            ["helpful"] = "no",
            ["step"] = "details",
            ["reason"] = VoteReasons.NotSolved,
            ["comment"] = "Still cannot send from abroad",
        });
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);

        var thanks = await client.GetStringAsync(second.Headers.Location);
        Assert.Contains("Thank you for your feedback", thanks);
        var votes = factory.Services.GetRequiredService<VoteStore>();
        var vote = Assert.Single(await votes.GetRowsAsync(new VoteFilter(), default));
        Assert.Equal(("en", "troubleshooting-email", false, VoteReasons.NotSolved), (vote.Lang, vote.Slug, vote.Helpful, vote.Reason));
        Assert.Equal("Still cannot send from abroad", Assert.Single(await votes.GetCommentsAsync(new VoteFilter(), 10, default)).Comment);
    }

    [Fact]
    public async Task TheSwedishArticleAsksInSwedish()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        var swedish = factory.Services.GetRequiredService<HelpPortal.Articles.IContentCatalogSource>().Current.Published("sv").First();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/sv/articles/{swedish.Slug}"));

        Assert.Contains("Var artikeln till hjälp?", page);
        Assert.Contains(">Ja</button>", page);
        Assert.Contains(">Nej</button>", page);
    }

    /// <summary>Posts the page's feedback form as a browser would: its action, its hidden fields, the chosen values.</summary>
    private static async Task<HttpResponseMessage> PostFeedbackFormAsync(HttpClient client, string page, Dictionary<string, string> values)
    {
        var form = FeedbackFormMarkup().Match(page);
        Assert.True(form.Success, "no feedback form on the page");
        var fields = FeedbackPortal.HiddenFields(form.Value);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        return await FeedbackPortal.PostFromOwnPageAsync(client, action, fields);
    }

    [GeneratedRegex("""<form[^>]*action="(?<action>[^"]*/feedback)"[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FeedbackFormMarkup();
}
