using static HelpPortal.Articles.Tests.Search.Corpus;

namespace HelpPortal.Articles.Tests.Search;

public sealed class TypoTests
{
    private static HelpPortal.Articles.Search.SearchService Typical() => Service(
        Article("en", "smtp-settings", "Outgoing server (SMTP)", "Set the smtp server and port."),
        Article("en", "imap-settings", "Incoming server (IMAP)", "Set the imap server and port."),
        Article("en", "change-password", "Change your password", "Send a reset link to yourself."),
        Article("en", "sending", "Sending mail", "Mail you send goes through the smtp server."));

    [Theory]
    [InlineData("smpt", "smtp", "smtp-settings")]         // swapped letters
    [InlineData("imao", "imap", "imap-settings")]         // wrong letter
    [InlineData("pasword", "password", "change-password")] // missing letter
    [InlineData("passwword", "password", "change-password")] // extra letter
    [InlineData("smpt port", "smtp port", "smtp-settings")]
    public void AWordOneEditAwayIsReplacedAndTheResultSaysSo(string typed, string corrected, string firstSlug)
    {
        using var search = Typical();

        var result = search.Search(typed, "en");

        Assert.Equal(corrected, result.Corrected);
        Assert.Equal(firstSlug, result.Slugs()[0]);
    }

    [Theory]
    [InlineData("smt")]
    [InlineData("imp")]
    public void WordsShorterThanFourLettersAreNotCorrected(string typed)
    {
        using var search = Typical();

        var result = search.Search(typed, "en");

        Assert.Null(result.Corrected);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void AKnownWordIsNeverCorrected()
    {
        using var search = Typical();

        Assert.Null(search.Search("send", "en").Corrected);
    }

    [Fact]
    public void AWordTwoEditsAwayIsLeftAlone()
    {
        using var search = Typical();

        var result = search.Search("spmtx", "en");

        Assert.Null(result.Corrected);
        Assert.Empty(result.Hits);
    }
}
