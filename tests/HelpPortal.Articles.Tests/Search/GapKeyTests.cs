using static HelpPortal.Articles.Tests.Search.Corpus;

namespace HelpPortal.Articles.Tests.Search;

public sealed class GapKeyTests
{
    private static HelpPortal.Articles.Search.SearchService Typical() => Service(
        Article("en", "smtp-settings", "Outgoing server (SMTP)", "Set the smtp server and port."),
        Article("en", "change-password", "Change your password", "Send a reset link to yourself."),
        Article("sv", "byt-losenord", "Byt lösenord", "Så byter du lösenord."));

    [Theory]
    [InlineData("SMTP port")]
    [InlineData("port smtp")]          // word order
    [InlineData("  Smtp   PORT ")]     // case and spacing
    [InlineData("smpt port")]          // a typo the search corrects
    [InlineData("pört smtp")]          // an accent
    [InlineData("smtp port smtp")]     // a word twice
    public void QueriesThatMeanTheSameShareAKey(string query)
    {
        using var search = Typical();

        Assert.Equal("port smtp", search.GapKey(query));
    }

    [Fact]
    public void SwedishWithAndWithoutDiacriticsShareAKey()
    {
        using var search = Typical();

        Assert.Equal(search.GapKey("byta lösenord"), search.GapKey("BYTA LOSENORD"));
    }

    [Fact]
    public void DifferentQueriesKeepDifferentKeys()
    {
        using var search = Typical();

        Assert.NotEqual(search.GapKey("smtp port"), search.GapKey("imap port"));
        Assert.Equal("", search.GapKey("  ?! "));
    }
}
