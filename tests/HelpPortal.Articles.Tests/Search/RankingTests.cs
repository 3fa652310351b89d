using static HelpPortal.Articles.Tests.Search.Corpus;

namespace HelpPortal.Articles.Tests.Search;

public sealed class RankingTests
{
    [Fact]
    public void ATitleMatchRanksAboveABodyMatchInEnglish()
    {
        using var search = Service(
            Article("en", "webmail", "Use webmail", "Sign in with your password. Forgot the password? Reset the password.", updated: new(2025, 1, 1)),
            Article("en", "change-password", "Change your password", "Open the settings page.", updated: new(2020, 1, 1)));

        Assert.Equal(["change-password", "webmail"], search.Search("password", "en").Slugs());
    }

    [Fact]
    public void ATitleMatchRanksAboveABodyMatchInSwedish()
    {
        using var search = Service(
            Article("sv", "webbmejl", "Använd webbmejlen", "Logga in med ditt lösenord. Glömt lösenord? Byt lösenord.", updated: new(2025, 1, 1)),
            Article("sv", "byt-losenord", "Byt lösenord", "Öppna inställningarna.", updated: new(2020, 1, 1)));

        Assert.Equal(["byt-losenord", "webbmejl"], search.Search("lösenord", "sv").Slugs());
    }

    [Fact]
    public void AHeadingMatchRanksAboveABodyMatch()
    {
        using var search = Service(
            Article("en", "body", "Thunderbird", "The outgoing server needs a port and the port must match.", updated: new(2025, 1, 1)),
            Article("en", "heading", "Outlook", "Open the account settings.", headings: ["Choose the port"], updated: new(2020, 1, 1)));

        Assert.Equal(["heading", "body"], search.Search("port", "en").Slugs());
    }

    [Fact]
    public void TagsAreSearched()
    {
        using var search = Service(Article("en", "settings", "Server settings", "The servers.", tags: ["imap", "smtp"]));

        Assert.Equal(["settings"], search.Search("imap", "en").Slugs());
    }

    [Fact]
    public void TheNewestUpdatedArticleWinsATie()
    {
        using var search = Service(
            Article("en", "older", "Sending limits", "Limits per hour.", updated: new(2021, 1, 1)),
            Article("en", "newer", "Sending limits", "Limits per hour.", updated: new(2024, 6, 1)));

        Assert.Equal(["newer", "older"], search.Search("limits", "en").Slugs());
    }

    [Fact]
    public void AllWordsBeatSomeWordsAndSomeWordsStillFindSomething()
    {
        using var search = Service(
            Article("en", "abroad", "Cannot send mail abroad", "Use a VPN or check the network."),
            Article("en", "limits", "Sending limits", "How much mail you may send."));

        Assert.Equal("abroad", search.Search("send mail abroad", "en").Slugs()[0]);
        Assert.Equal(["abroad"], search.Search("abroad unicorn", "en").Slugs());
    }

    [Fact]
    public void ReplacedPlaceholderValuesAreSearchable()
    {
        using var search = Service(Article("en", "settings", "Server settings", "Incoming server: imap.example.net, port 993."));

        Assert.Equal(["settings"], search.Search("imap.example.net", "en").Slugs());
        Assert.Equal(["settings"], search.Search("993", "en").Slugs());
    }

    [Fact]
    public void DraftsAreNeverFound()
    {
        using var search = Service(
            Article("en", "published", "Webmail", "Read mail in the browser."),
            Article("en", "secret", "Webmail redesign", "Coming soon.", draft: true));

        Assert.Equal(["published"], search.Search("webmail", "en").Slugs());
        Assert.DoesNotContain(search.Suggest("webm", "en"), s => s.Slug == "secret");
    }

    [Fact]
    public void TheSnippetIsEscapedAndMarksTheMatches()
    {
        using var search = Service(Article("en", "html", "Odd text", "Type <script>alert(1)</script> & then check the smtp port."));

        var snippet = Assert.Single(search.Search("smtp", "en").Hits).SnippetHtml;

        Assert.Contains("<mark>smtp</mark>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.DoesNotContain("<script>", snippet);
    }

    [Fact]
    public void SuggestionsMatchTheLastWordAsAPrefix()
    {
        using var search = Service(
            Article("en", "change-password", "Change your password", "Open the settings."),
            Article("sv", "byt-losenord", "Byt lösenord", "password"));

        var suggestion = Assert.Single(search.Suggest("change pass", "en"));
        Assert.Equal(("en", "change-password", "Change your password"), (suggestion.Lang, suggestion.Slug, suggestion.Title));
    }
}
