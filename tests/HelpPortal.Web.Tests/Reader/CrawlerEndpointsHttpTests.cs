using System.Net;
using System.Xml.Linq;
using HelpPortal.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.Reader;

public sealed class CrawlerEndpointsHttpTests(ReaderSite site) : IClassFixture<ReaderSite>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static async Task<XDocument> SitemapAsync(HttpClient client)
    {
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSitemapListsPublishedArticlesWithLastmodAndAlternates()
    {
        var sitemap = await SitemapAsync(site.Client());

        var urls = sitemap.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value);
        Assert.Equal(
            ["http://localhost/en/articles/alpha", "http://localhost/en/articles/gamma", "http://localhost/sv/articles/alfa"],
            urls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2023-02-20", urls["http://localhost/en/articles/alpha"].Element(Sitemap + "lastmod")!.Value);
        Assert.Equal("2023-02-21", urls["http://localhost/sv/articles/alfa"].Element(Sitemap + "lastmod")!.Value);
        var alternates = urls["http://localhost/sv/articles/alfa"].Elements(Xhtml + "link")
            .ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal("http://localhost/en/articles/alpha", alternates["en"]);
        Assert.Equal("http://localhost/sv/articles/alfa", alternates["sv"]);
        Assert.Empty(urls["http://localhost/en/articles/gamma"].Elements(Xhtml + "link"));
    }

    [Fact]
    public async Task TheSitemapOfTheShippedContentListsEveryPublishedArticle()
    {
        using var factory = new PortalFactory();
        var catalog = factory.Services.GetRequiredService<IContentCatalogSource>().Current;

        var sitemap = await SitemapAsync(factory.CreateClient());

        var expected = catalog.AllArticles.Where(a => !a.Draft).Select(a => $"http://localhost/{a.Lang}/articles/{a.Slug}").Order(StringComparer.Ordinal);
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToList();
        Assert.Equal(expected, urls.Select(u => u.Element(Sitemap + "loc")!.Value).Order(StringComparer.Ordinal));
        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(Sitemap + "lastmod")!.Value));
        Assert.All(urls, u => Assert.All(u.Elements(Xhtml + "link"), l => Assert.StartsWith("http://localhost/", l.Attribute("href")!.Value)));
    }

    [Fact]
    public async Task RobotsPointsAtTheSitemap()
    {
        var response = await site.Client().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text.Split('\n'));
        Assert.Contains("User-agent: *", text.Split('\n'));
    }

    [Fact]
    public async Task HealthIsGoodWhenArticlesAreLoaded()
    {
        var response = await site.Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthIsBadWhenNoArticleIsLoaded()
    {
        var empty = Directory.CreateTempSubdirectory("helpportal-empty-").FullName;
        try
        {
            using var factory = new PortalFactory(new Dictionary<string, string?> { ["Content:Path"] = empty });

            var response = await factory.CreateClient().GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
