using System.Text.RegularExpressions;
using HelpPortal.Articles.Search;
using static HelpPortal.Articles.Tests.Search.Corpus;

namespace HelpPortal.Articles.Tests.Search;

public sealed class HostileQueryTests
{
    public static TheoryData<string?> Hostile() =>
    [
        null, "", "   ", "\"", "\"smtp", "smtp\"\"", "*", "smtp*", "NEAR", "NEAR(smtp imap)", "smtp NEAR/2 imap",
        "-", "-smtp", "smtp -imap", "(", "(smtp", "smtp)", "()", "title:smtp", "{title}:smtp", "^smtp", "AND", "OR NOT",
        "smtp AND OR", "'; DROP TABLE docs; --", "\u0000smtp", "\uE000smtp\uE001", "😀 smtp", "a+b=c", "..", "%_%",
        new string('a', 10_000), string.Join(' ', Enumerable.Repeat("smtp", 5_000)), new string('"', 10_000),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AnyInputReturnsNormally(string? query)
    {
        using var search = Service(Article("en", "smtp-settings", "Outgoing server (SMTP)", "Set the smtp server and the imap server."));

        var result = search.Search(query, "en");
        var suggestions = search.Suggest(query, "en");

        Assert.NotNull(result);
        Assert.NotNull(suggestions);
    }

    [Theory]
    [InlineData("smtp*")]
    [InlineData("\"smtp\"")]
    [InlineData("(smtp)")]
    [InlineData("-smtp")]
    public void OperatorsAroundAWordAreDroppedAndTheWordIsSearched(string query)
    {
        using var search = Service(Article("en", "smtp-settings", "Outgoing server (SMTP)", "Set the smtp server."));

        Assert.Equal(["smtp-settings"], search.Search(query, "en").Slugs());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheFtsExpressionHoldsOnlyQuotedWords(string? query)
    {
        var fts = QueryText.ToFts(QueryText.Parse(query), any: true, prefixLast: true);

        Assert.Matches(new Regex(@"^(""[\p{L}\p{N}\p{M} ]+""( \*)?( OR )?)*$"), fts);
    }
}
