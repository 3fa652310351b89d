using Bunit;
using HelpPortal.Articles;
using HelpPortal.Web.Reader;
using static HelpPortal.Web.Tests.Reader.ReaderFixture;

namespace HelpPortal.Web.Tests.Reader;

public sealed class ArticlePageTests
{
    private static IRenderedComponent<ArticlePage> RenderArticle(string lang, ContentCatalog catalog, string slug)
    {
        var context = Context(lang, catalog);
        return context.Render<ArticlePage>(p => p.Add(x => x.Lang, lang).Add(x => x.Slug, slug));
    }

    [Fact]
    public void AnArticleInThreeCategoriesHasOneBreadcrumbTrailPerCategory()
    {
        var article = Article("en", "troubleshooting", categories: ["email", "error-messages", "guides"]);
        var page = RenderArticle("en", Catalog(article), "troubleshooting");

        var trails = page.FindAll("nav[aria-label='Breadcrumb']");

        Assert.Equal(3, trails.Count);
        var texts = trails.Select(t => string.Join(" > ", t.QuerySelectorAll("li").Select(li => li.TextContent.Trim()))).ToList();
        Assert.Equal("Home > Email > Title of troubleshooting", texts[0]);
        Assert.Equal("Home > Email > Error messages > Title of troubleshooting", texts[1]);
        Assert.Equal("Home > Usable guides > Title of troubleshooting", texts[2]);
        Assert.All(trails, t =>
        {
            var current = Assert.Single(t.QuerySelectorAll("[aria-current='page']"));
            Assert.Equal("/en/articles/troubleshooting", current.GetAttribute("href"));
        });
        Assert.Equal("/en/categories/error-messages", trails[1].QuerySelectorAll("a")[2].GetAttribute("href"));
    }

    [Fact]
    public void TheEnglishPageSaysWhenItWasUpdatedAndHowHardItIs()
    {
        var page = RenderArticle("en", Catalog(Article("en", "a", level: ArticleLevel.Beginner)), "a");

        Assert.Equal("Updated on 20 February 2023", page.Find(".updated").TextContent);
        Assert.Equal("2023-02-20", page.Find(".updated time").GetAttribute("datetime"));
        Assert.Equal("Beginner-friendly", page.Find(".level-badge").TextContent);
        Assert.Equal("Title of a", page.Find("h1").TextContent);
    }

    [Fact]
    public void TheSwedishPageSaysTheSameInSwedish()
    {
        var page = RenderArticle("sv", Catalog(Article("sv", "a", level: ArticleLevel.Beginner, categories: ["error-messages"])), "a");

        Assert.Equal("Uppdaterad 20 februari 2023", page.Find(".updated").TextContent);
        Assert.Equal("Nybörjarvänlig", page.Find(".level-badge").TextContent);
        var trail = page.Find("nav.breadcrumbs");
        Assert.Equal("Brödsmulor", trail.GetAttribute("aria-label"));
        Assert.Equal(["Hem", "E-post", "Felmeddelanden", "Title of a"], trail.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    [InlineData(ArticleLevel.Intermediate, "en", "Intermediate")]
    [InlineData(ArticleLevel.Advanced, "en", "Advanced")]
    [InlineData(ArticleLevel.Intermediate, "sv", "Medelnivå")]
    [InlineData(ArticleLevel.Advanced, "sv", "Avancerad")]
    public void EveryLevelHasABadgeInBothLanguages(ArticleLevel level, string lang, string expected)
    {
        var page = RenderArticle(lang, Catalog(Article(lang, "a", level: level)), "a");

        Assert.Equal(expected, page.Find(".level-badge").TextContent);
    }

    [Fact]
    public void AnArticleWithoutALevelShowsNoBadge()
    {
        var page = RenderArticle("en", Catalog(Article("en", "a")), "a");

        Assert.Empty(page.FindAll(".level-badge"));
    }

    [Fact]
    public void RelatedArticlesShowTitleAndSummaryButNeverADraft()
    {
        var catalog = Catalog(
            Article("en", "a", related: ["b", "draft", "missing"]),
            Article("en", "b"),
            Article("en", "draft", draft: true));
        var page = RenderArticle("en", catalog, "a");

        var related = page.Find("section.related");
        Assert.Equal("Related articles", related.QuerySelector("h2")!.TextContent);
        var item = Assert.Single(related.QuerySelectorAll("li"));
        Assert.Equal("/en/articles/b", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Title of b", item.QuerySelector("a")!.TextContent);
        Assert.Contains("Summary of b", item.TextContent);
    }

    [Fact]
    public void TheTableOfContentsLinksToEveryHeading()
    {
        var headings = new ArticleHeading[] { new(2, "abroad", "Abroad"), new(3, "vpn", "Using a VPN"), new(2, "invoice", "Unpaid invoice") };
        var page = RenderArticle("en", Catalog(Article("en", "a", headings: headings)), "a");

        var links = page.FindAll("nav.toc a");
        Assert.Equal(["#abroad", "#vpn", "#invoice"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Abroad", "Using a VPN", "Unpaid invoice"], links.Select(a => a.TextContent));
        Assert.Equal("On this page", page.Find("nav.toc h2").TextContent);
    }

    [Fact]
    public void AWidgetRendersInPlaceBetweenTheParagraphsAroundIt()
    {
        var body = new ArticleSegment[]
        {
            new HtmlSegment("<p id=\"before\">Before the table.</p>"),
            new WidgetSegment("mail-settings"),
            new HtmlSegment("<p id=\"after\">After the table.</p>"),
        };
        var page = RenderArticle("en", Catalog(Article("en", "a", body: body)), "a");

        var children = page.Find(".article-body").Children;
        Assert.Equal(["before", "mail-settings", "after"], children.Select(c => string.IsNullOrEmpty(c.Id) ? c.GetAttribute("data-widget") : c.Id));
        Assert.Equal("Before the table.", children[0].TextContent);
        Assert.Equal("After the table.", children[2].TextContent);
        Assert.Contains("imap.example.test", children[1].TextContent);
    }

    [Fact]
    public void AnUnknownWidgetLeavesNoTraceAndTheTextAroundItStays()
    {
        var body = new ArticleSegment[]
        {
            new HtmlSegment("<p>One.</p>"),
            new WidgetSegment("no-such-widget"),
            new HtmlSegment("<p>Two.</p>"),
        };
        var page = RenderArticle("en", Catalog(Article("en", "a", body: body)), "a");

        Assert.Equal(["One.", "Two."], page.Find(".article-body").Children.Select(c => c.TextContent));
    }

    [Fact]
    public void TheContactBoxAndTheFeedbackFormFollowTheBody()
    {
        var page = RenderArticle("en", Catalog(Article("en", "a")), "a");

        var contact = page.Find("aside.contact-support");
        // The box is the same for every reader: the support page asks what to pass on.
        var form = contact.QuerySelector("form[data-support-form]")!;
        Assert.Equal("/en/support", form.GetAttribute("action"));
        Assert.Equal("a", form.QuerySelector("input[name=article]")!.GetAttribute("value"));
        Assert.Equal("Contact support", form.QuerySelector("button")!.TextContent);
        Assert.Equal("a", page.Find("[data-stub='feedback']").TextContent);
        Assert.True(page.Markup.IndexOf("contact-support", StringComparison.Ordinal) < page.Markup.IndexOf("data-stub=\"feedback\"", StringComparison.Ordinal));
    }
}
