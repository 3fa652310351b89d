using System.Net;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Feedback;
using HelpPortal.Web.Tests.Search;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Support;

public sealed class EscalationTests
{
    private const string Article = "/en/articles/troubleshooting-email";

    private static async Task VoteNoAsync(HttpClient reader, string reason)
    {
        var response = await FeedbackPortal.PostFormAsync(reader, "/account/login", Article + "/feedback", new()
        {
            ["helpful"] = "no", ["step"] = "details", ["reason"] = reason,
        });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient reader, string supportPage, string via, params string[] share)
    {
        var html = await reader.GetStringAsync(supportPage);
        var fields = FeedbackPortal.HiddenFields(html).ToList();
        fields.AddRange(share.Select(s => new KeyValuePair<string, string>("share", s)));
        fields.Add(new("via", via));
        return await reader.PostAsync(supportPage[..3] + "/support/send", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TheArticleBoxIsTheSameForEveryReaderAndAsksThroughAPlainForm()
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();
        await VoteNoAsync(reader, VoteReasons.Outdated);

        var page = SearchHtml.Parse(await reader.GetStringAsync(Article));

        var form = page.Document.QuerySelector(".contact-support form[data-support-form]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/en/support", form.GetAttribute("action"));
        Assert.Equal("troubleshooting-email", form.QuerySelector("input[name=article]")?.GetAttribute("value"));
        Assert.Equal("", form.QuerySelector("input[name=diagnosis]")?.GetAttribute("value"));
        Assert.DoesNotContain("outdated", form.OuterHtml);
    }

    [Fact]
    public async Task TheSupportPageShowsWhatWouldBeSentAndTheLinkCarriesExactlyTheTickedFields()
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();
        await VoteNoAsync(reader, VoteReasons.NotSolved);
        const string supportPage = "/en/support?article=troubleshooting-email&diagnosis=auth-failed";

        var consent = SearchHtml.Parse(await reader.GetStringAsync(supportPage));
        var everything = await SendAsync(reader, supportPage, "url", "article", "vote", "diagnosis");
        var onlyTheArticle = await SendAsync(reader, supportPage, "url", "article");
        var nothing = await SendAsync(reader, supportPage, "url");

        Assert.Equal(["article", "vote", "diagnosis"], consent.Document.QuerySelectorAll("input[name=share]").Select(i => i.GetAttribute("value")));
        Assert.Contains("No, because: Did not solve my problem", consent.Text("label[for=share-vote]"));
        Assert.Equal("The last test result on the page: auth-failed", consent.Text("label[for=share-diagnosis]"));
        Assert.Equal(HttpStatusCode.SeeOther, everything.StatusCode);
        Assert.Equal("https://example.com/support?article=troubleshooting-email&lang=en&vote=no&reason=not-solved&diagnosis=auth-failed",
            everything.Headers.Location?.OriginalString);
        Assert.Equal("https://example.com/support?article=troubleshooting-email&lang=en", onlyTheArticle.Headers.Location?.OriginalString);
        Assert.Equal("https://example.com/support", nothing.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EscalationsAreCountedPerArticleAndSharedDiagnosis()
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();

        await SendAsync(reader, "/en/support?article=troubleshooting-email&diagnosis=timeout", "url", "article", "diagnosis");
        await SendAsync(reader, "/en/support?article=troubleshooting-email&diagnosis=timeout", "email", "article");
        await SendAsync(reader, "/en/support?article=sending-limits", "url", "article");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var top = await portal.Services.GetRequiredService<EscalationLog>().GetTopArticlesAsync(today, today, null, 10, default);
        Assert.Equal(["troubleshooting-email", "sending-limits"], top.Select(a => a.Slug));
        Assert.Equal(2, top[0].Count);
        Assert.Equal(new Dictionary<string, int> { ["timeout"] = 1 }, top[0].ByDiagnosis);
    }

    [Theory]
    [InlineData("customer@example.net")]
    [InlineData("hunter2")]
    [InlineData("auth-failed%0d%0aBcc:x@example.net")]
    public async Task ATypedAddressOrPasswordNeverReachesTheLinkOrTheEmail(string diagnosis)
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();
        var supportPage = $"/en/support?article=troubleshooting-email&diagnosis={diagnosis}";

        var page = await reader.GetStringAsync(supportPage);
        var url = await SendAsync(reader, supportPage, "url", "article", "vote", "diagnosis");
        var email = await SendAsync(reader, supportPage, "email", "article", "vote", "diagnosis");

        var decoded = Uri.UnescapeDataString(diagnosis);
        Assert.DoesNotContain(decoded, page);
        Assert.Equal("https://example.com/support?article=troubleshooting-email&lang=en", url.Headers.Location?.OriginalString);
        var mail = Uri.UnescapeDataString(email.Headers.Location!.OriginalString);
        Assert.StartsWith("mailto:support@example.com?subject=I need help after reading troubleshooting-email&body=", mail);
        Assert.Contains("Article: /en/articles/troubleshooting-email", mail);
        Assert.DoesNotContain(decoded, mail);
        Assert.DoesNotContain("Last test result", mail);
    }

    [Fact]
    public async Task ATemplateInConfigurationShapesTheLinkAndTheSwedishPageSpeaksSwedish()
    {
        using var portal = new FeedbackPortal(new Dictionary<string, string?>
        {
            ["Support:Url"] = "https://help.example.net/new?topic={lang}/{article}&code={diagnosis}&v={vote}",
        });
        using var reader = portal.CreateClient();
        const string supportPage = "/sv/support?article=felsokning-e-post&diagnosis=tls-expired";

        var page = SearchHtml.Parse(await reader.GetStringAsync(supportPage));
        var sent = await SendAsync(reader, supportPage, "url", "article", "diagnosis");

        Assert.Equal("Kontakta supporten", page.Text("h1"));
        Assert.Equal("https://help.example.net/new?topic=sv/felsokning-e-post&code=tls-expired", sent.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WithoutTheFormsTokenNothingIsSentOrCounted()
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();

        var response = await reader.PostAsync("/en/support/send", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["article"] = "troubleshooting-email", ["via"] = "url", ["share"] = "article",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Empty(await portal.Services.GetRequiredService<EscalationLog>().GetTopArticlesAsync(today, today, null, 10, default));
    }

    [Fact]
    public async Task OnlyTheSupportPageMayLeadAFormToSupportsOrigin()
    {
        using var portal = new FeedbackPortal();
        using var reader = portal.CreateClient();

        var support = await reader.GetAsync("/en/support?article=troubleshooting-email");
        var article = await reader.GetAsync(Article);

        Assert.Contains("form-action 'self' https://example.com mailto:", support.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("form-action 'self'", article.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("example.com", article.Headers.GetValues("Content-Security-Policy").Single());
    }
}
