using static HelpPortal.Articles.Tests.Search.Corpus;

namespace HelpPortal.Articles.Tests.Search;

public sealed class LanguageTests
{
    [Fact]
    public void SwedishLettersAreNotTheirPlainCousins()
    {
        using var search = Service(
            Article("sv", "bar", "Bar", "En bar."),
            Article("sv", "bar-med-prickar", "Bär", "Ett bär."),
            Article("sv", "far", "Får", "Ett får."));

        Assert.Equal(["bar-med-prickar"], search.Search("bär", "sv").Slugs());
        Assert.Equal(["far"], search.Search("får", "sv").Slugs());
        Assert.Empty(search.Search("fär", "sv").Hits);
    }

    [Fact]
    public void AQueryWithoutDiacriticsFindsTheArticleAfterExactMatches()
    {
        using var search = Service(
            Article("sv", "byt-losenord", "Byt lösenord", "Så byter du lösenord.", updated: new(2025, 1, 1)),
            Article("sv", "stavning", "Vanliga stavfel", "Många skriver losenord utan prickar.", updated: new(2020, 1, 1)));

        var result = search.Search("losenord", "sv");

        Assert.Equal(["stavning", "byt-losenord"], result.Slugs());
        Assert.Equal([false, true], result.Hits.Select(h => h.WithoutDiacritics));
        Assert.Null(result.Corrected);
        Assert.True(result.Hits[1].SnippetHtml.Contains("<mark>lösenord</mark>"), result.Hits[1].SnippetHtml);
    }

    [Fact]
    public void ResultsInThePagesLanguageComeAlone()
    {
        using var search = Service(
            Article("en", "webmail", "Webmail", "Read mail in the browser."),
            Article("sv", "webbmejl", "Webbmejl", "Webmail på svenska."));

        var result = search.Search("webmail", "en");

        Assert.Equal(["webmail"], result.Slugs());
        Assert.False(result.OtherLanguage);
    }

    [Fact]
    public void AnotherLanguageAnswersOnlyWhenThePagesLanguageHasNothing()
    {
        using var search = Service(
            Article("en", "webmail", "Webmail", "Read mail in the browser."),
            Article("sv", "byt-losenord", "Byt lösenord", "Så byter du lösenord."));

        var result = search.Search("lösenord", "en");

        Assert.True(result.OtherLanguage);
        Assert.Equal("sv", result.Lang);
        Assert.Equal(["byt-losenord"], result.Slugs());
    }
}
