using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

public sealed class DomainInputTests
{
    [Theory]
    [InlineData("example.se", "example.se")]
    [InlineData("  Example.SE ", "example.se")]
    [InlineData("anna.svensson@example.se", "example.se")]
    [InlineData("https://www.example.se/kontakt?x=1#top", "www.example.se")]
    [InlineData("http://example.se:8080/", "example.se")]
    [InlineData("example.se/some/page", "example.se")]
    [InlineData("mail.sub-domain.example.co.uk", "mail.sub-domain.example.co.uk")]
    public void ADomainAnAddressOrAUrlGivesTheDomain(string input, string ascii)
    {
        var result = DomainInput.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(ascii, result.Domain!.Ascii);
    }

    [Theory]
    [InlineData("räksmörgås.se", "xn--rksmrgs-5wao1o.se", "räksmörgås.se")]
    [InlineData("info@bücher.de", "xn--bcher-kva.de", "bücher.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de", "bücher.de")]
    [InlineData("https://bücher.de/", "xn--bcher-kva.de", "bücher.de")]
    public void AnInternationalNameIsLookedUpInPunycodeAndShownInUnicode(string input, string ascii, string unicode)
    {
        var result = DomainInput.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(ascii, result.Domain!.Ascii);
        Assert.Equal(unicode, result.Domain.Unicode);
    }

    public static TheoryData<string, string> BadInput() => new()
    {
        { "", "No domain" },
        { "   ", "No domain" },
        { new string('a', 64) + ".se", "longer than 63" },
        { string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".se", "longer than 253" },
        { "example..se", "empty part" },
        { ".example.se", "empty part" },
        { "example.se.", "dot at the end" },
        { "192.0.2.1", "IP address" },
        { "2001:db8::1", "IP address" },
        { "[2001:db8::1]", "IP address" },
        { "anna@[192.0.2.1]", "IP address" },
        { "http://192.0.2.1/", "IP address" },
        { "example.se:25", "port" },
        { "localhost", "localhost" },
        { "mail.localhost", "not a public domain" },
        { "_dmarc.example.se", "underscores" },
        { "exa_mple.se", "underscores" },
        { new string('a', 10_000), "longer than 512" },
        { "example\u0000.se", "control characters" },
        { "example.se\nevil.se", "control characters" },
        { "exa mple.se", "spaces" },
        { "se", "at least two parts" },
        { "anna@", "could not be read" },
        { "-example.se", "cannot have" },
        { "exa!mple.se", "cannot have" },
        { "1.2.3.4.5", "not a public domain" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void InputThatCannotBeAMailDomainIsRefusedWithAPlainReason(string input, string reason)
    {
        var result = DomainInput.Parse(input);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error);
        Assert.NotEqual(DomainInputProblem.None, result.Problem);
    }
}
