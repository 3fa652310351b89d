using System.Net;
using HelpPortal.Mail;

namespace HelpPortal.Web.Tests.Reader;

public sealed class ReaderPagesHttpTests(ReaderSite site) : IClassFixture<ReaderSite>
{
    [Fact]
    public async Task TheRootSendsAVisitorWithoutPreferencesToEnglish()
    {
        var response = await site.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheRootFollowsAcceptLanguage()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5");

        var response = await site.Client().SendAsync(request);

        Assert.Equal("/sv", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheLanguageCookieWinsOverAcceptLanguage()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", "sv-SE");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var response = await site.Client().SendAsync(request);

        Assert.Equal("/en", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task VisitingASwedishPageRemembersSwedishForTheRoot()
    {
        var client = site.Client(handleCookies: true);

        var page = await client.GetAsync("/sv/articles/alfa");
        var root = await client.GetAsync("/");

        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dsv%7Cuic%3Dsv", StringComparison.Ordinal));
        Assert.Equal("/sv", root.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/en", "en")]
    [InlineData("/sv", "sv")]
    [InlineData("/en/categories/email", "en")]
    [InlineData("/sv/categories/error-messages", "sv")]
    [InlineData("/en/articles/alpha", "en")]
    [InlineData("/sv/articles/alfa", "sv")]
    public async Task ReaderPagesAnswerInTheirOwnLanguage(string url, string lang)
    {
        var response = await site.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ReaderSite.ParseAsync(response);
        Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("main h1"));
    }

    [Fact]
    public async Task TheArticleHeadCarriesDescriptionCanonicalAndAlternates()
    {
        var document = await ReaderSite.ParseAsync(await site.Client().GetAsync("/en/articles/alpha"));

        Assert.Equal("What alpha is about.", document.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("http://localhost/en/articles/alpha", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var alternates = document.QuerySelectorAll("link[rel=alternate]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal("http://localhost/en/articles/alpha", alternates["en"]);
        Assert.Equal("http://localhost/sv/articles/alfa", alternates["sv"]);
        Assert.Equal("Alpha guide", document.Title);
    }

    [Fact]
    public async Task TheArticlePageShowsEveryPartAReaderExpects()
    {
        var document = await ReaderSite.ParseAsync(await site.Client().GetAsync("/en/articles/alpha"));

        Assert.Equal(2, document.QuerySelectorAll("nav[aria-label=Breadcrumb]").Length);
        Assert.Equal("Updated on 20 February 2023", document.QuerySelector(".updated")?.TextContent);
        Assert.Equal("Beginner-friendly", document.QuerySelector(".level-badge")?.TextContent);
        Assert.Equal("#first", document.QuerySelector("nav.toc a")?.GetAttribute("href"));
        Assert.NotNull(document.GetElementById("first"));
        Assert.Equal("/en/articles/gamma", document.QuerySelector("section.related a")?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("aside.contact-support"));
        Assert.Equal("/sv/articles/alfa", document.QuerySelector("nav.language-switch a[hreflang=sv]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task APlainArticlePageOpensNoCircuit()
    {
        var html = await (await site.Client().GetAsync("/en/articles/alpha")).Content.ReadAsStringAsync();

        // An interactive component would leave a Blazor server marker for the circuit to pick up.
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomeListsNestedCategoriesAndRecentArticlesButNoDraft()
    {
        var document = await ReaderSite.ParseAsync(await site.Client().GetAsync("/en"));

        var top = document.QuerySelectorAll("ul.category-tree-root > li > a").Select(a => a.TextContent);
        Assert.Equal(["Email", "Usable guides"], top);
        Assert.Equal("/en/categories/error-messages", document.QuerySelector("ul.category-tree-root > li ul a")?.GetAttribute("href"));
        var recent = document.QuerySelectorAll("#recent-title + ul.article-list > li > a, section[aria-labelledby=recent-title] li > a").Select(a => a.GetAttribute("href")).Distinct();
        Assert.Equal(["/en/articles/gamma", "/en/articles/alpha"], recent);
    }

    [Fact]
    public async Task ACategoryListsItsSubCategoriesBeforeItsArticles()
    {
        var document = await ReaderSite.ParseAsync(await site.Client().GetAsync("/en/categories/email"));

        var sections = document.QuerySelectorAll("main section h2").Select(h => h.TextContent);
        Assert.Equal(["Topics", "Articles"], sections);
        Assert.Equal("/en/categories/error-messages", document.QuerySelector("ul.subcategories a")?.GetAttribute("href"));
        Assert.Equal(["/en/articles/alpha"], document.QuerySelectorAll("section[aria-labelledby=articles-title] li > a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AConfiguredImapHostReachesTheSettingsTableAndTheText()
    {
        using var other = new ReaderSite(new Dictionary<string, string?> { ["MailService:Incoming:Host"] = "mail.configured.test" });

        var document = await ReaderSite.ParseAsync(await other.Client().GetAsync("/en/articles/alpha"));

        var table = document.QuerySelector("[data-widget=mail-settings] table")!;
        Assert.Equal("mail.configured.test", table.QuerySelector("tbody tr td [data-value]")?.TextContent);
        Assert.Contains("The incoming server is mail.configured.test.", document.QuerySelector(".article-body")!.TextContent);
        Assert.DoesNotContain(MailServiceDefaults.Create().Incoming.Host, document.QuerySelector("main")!.TextContent);
    }
}
