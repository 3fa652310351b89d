using System.Net;
using System.Text.RegularExpressions;
using HelpPortal.Feedback;
using HelpPortal.Web.Tests.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Search;

public sealed partial class SearchPageTests
{
    [Fact]
    public async Task TheResultsPageListsMatchesWithoutJavaScript()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var response = await client.GetAsync("/en/search?q=smtp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = SearchHtml.Parse(html);
        Assert.Equal(["smtp-settings"], page.Slugs());
        Assert.Equal("Outgoing server (SMTP)", page.Text(".search-result h2"));
        Assert.Equal("smtp", page.Text(".search-result-snippet mark"));
        Assert.Contains("<b>bold</b>", page.Text(".search-result-snippet"));
        Assert.Null(page.Document.QuerySelector(".search-result-snippet b"));
        Assert.Equal("Email", page.Text(".search-result-category"));
        Assert.Equal("Updated on 20 February 2023", page.Text(".search-result .updated"));
        Assert.NotNull(page.Document.QuerySelector("form[role=search][method=get][action='/en/search'] input[name=q]"));
        Assert.Equal("/en/articles/smtp-settings", page.Document.QuerySelector(".search-result h2 a")?.GetAttribute("href"));
        Assert.Matches(OpenLink(), html);
    }

    [Fact]
    public async Task ATypoIsCorrectedAndThePageSaysWhatItSearched()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var page = await SearchHtml.LoadAsync(client, "/en/search?q=smpt");

        Assert.Equal("Showing results for smtp", page.Text(".search-corrected"));
        Assert.Equal(["smtp-settings"], page.Slugs());
    }

    [Fact]
    public async Task NoResultsShowThePopularCategoriesAndTheContactBox()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var page = await SearchHtml.LoadAsync(client, "/en/search?q=zebra");

        Assert.Equal("No articles match “zebra”.", page.Text("[data-no-results]"));
        Assert.Equal("Popular categories", page.Text(".search-popular h2"));
        Assert.Equal(["/en/categories/email", "/en/categories/limits"],
            page.Document.QuerySelectorAll(".search-popular a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.Document.QuerySelector(".contact-support"));
    }

    [Fact]
    public async Task ASwedishAnswerIsOfferedOnAnEnglishPageOnlyWhenEnglishHasNone()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var page = await SearchHtml.LoadAsync(client, "/en/search?q=losenord");

        Assert.Equal("Nothing found in English. These articles are in Swedish:", page.Text(".search-other-language"));
        Assert.Equal(["byt-losenord"], page.Slugs());
        Assert.Equal("sv", page.Document.QuerySelector(".search-results")?.GetAttribute("lang"));
    }

    [Fact]
    public async Task TheSwedishPageSpeaksSwedish()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var page = await SearchHtml.LoadAsync(client, "/sv/search?q=lösenord");

        Assert.Equal("Resultat för ”lösenord”", page.Text("h1"));
        Assert.Equal("lösenord", page.Text(".search-result-snippet mark"));
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("smtp*")]
    [InlineData("NEAR(smtp%20imap)")]
    [InlineData("-smtp")]
    [InlineData("(((")]
    [InlineData("")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task HostileQueriesGetANormalPage(string q)
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/en/search?q={q}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AVeryLongQueryGetsANormalPage()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/en/search?q={new string('a', 10_000)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownLanguageIsNotFound()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xx/search?q=smtp")).StatusCode);
    }

    [Fact]
    public async Task TheSearchIsLoggedAndTheOpenedResultRecorded()
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();
        var log = portal.Services.GetRequiredService<ISearchLog>();

        var html = await client.GetStringAsync("/en/search?q=SMTP%20%20Port");
        await client.GetStringAsync("/en/search?q=zebra");
        var open = SearchHtml.Parse(html).Document.QuerySelector(".search-result a[ping]")!.GetAttribute("ping")!;
        var response = await client.GetAsync(open);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/articles/smtp-settings", response.Headers.Location?.OriginalString);
        var report = await log.GetReportAsync(DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1), null, default);
        Assert.Contains(new QueryCount("smtp port", "en", 1), report.TopQueries);
        Assert.Contains(new QueryCount("zebra", "en", 1), report.NoResults);
        Assert.DoesNotContain(report.NeverOpened, q => q.Query == "smtp port");
    }

    [Theory]
    [InlineData("/en/search/open?sid=1&slug=..%2F..%2Fadmin")]
    [InlineData("/en/search/open?sid=1&slug=%2F%2Fevil.example")]
    [InlineData("/en/search/open?sid=1")]
    [InlineData("/xx/search/open?sid=1&slug=smtp-settings")]
    public async Task TheOpenLinkOnlyEverRedirectsToAnArticle(string url)
    {
        using var portal = new FeedbackPortal(catalog: SearchContent.Catalog());
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
    }

    [GeneratedRegex("""/en/search/open\?sid=\d+&amp;slug=smtp-settings""")]
    private static partial Regex OpenLink();
}
