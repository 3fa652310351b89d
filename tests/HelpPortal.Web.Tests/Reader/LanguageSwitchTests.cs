using Bunit;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static HelpPortal.Web.Tests.Reader.ReaderFixture;

namespace HelpPortal.Web.Tests.Reader;

public sealed class LanguageSwitchTests
{
    private static string TargetFrom(string lang, string path, params HelpPortal.Articles.Article[] articles)
    {
        var context = Context(lang, Catalog(articles));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        var component = context.Render<LanguageSwitch>(p => p.Add(x => x.Lang, lang));
        return component.Find("a").GetAttribute("href")!;
    }

    [Fact]
    public void AnArticleWithATranslationSwitchesToThatTranslation()
    {
        var target = TargetFrom("en", "/en/articles/a",
            Article("en", "a", translations: new Dictionary<string, string> { ["sv"] = "b" }),
            Article("sv", "b", translations: new Dictionary<string, string> { ["en"] = "a" }));

        Assert.Equal("/sv/articles/b", target);
    }

    [Fact]
    public void AnArticleWithoutAPublishedTranslationSwitchesToTheOtherHome()
    {
        var target = TargetFrom("en", "/en/articles/a",
            Article("en", "a", translations: new Dictionary<string, string> { ["sv"] = "b" }),
            Article("sv", "b", draft: true));

        Assert.Equal("/sv", target);
    }

    [Theory]
    [InlineData("/sv/categories/email", "/en/categories/email")]
    [InlineData("/sv/search?q=l%C3%B6senord", "/en/search?q=l%C3%B6senord")]
    [InlineData("/sv/domain-check?domain=example.se", "/en/domain-check?domain=example.se")]
    [InlineData("/sv", "/en")]
    [InlineData("/not-found", "/en")]
    public void OtherPagesKeepTheirPlaceWhereTheyCan(string from, string expected)
    {
        Assert.Equal(expected, TargetFrom("sv", from));
    }

    [Fact]
    public void EachLanguageNamesItself()
    {
        var context = Context("sv");
        var link = context.Render<LanguageSwitch>(p => p.Add(x => x.Lang, "sv")).Find("a");

        Assert.Equal("English", link.TextContent);
        Assert.Equal("en", link.GetAttribute("lang"));
        Assert.Equal("en", link.GetAttribute("hreflang"));
    }
}
