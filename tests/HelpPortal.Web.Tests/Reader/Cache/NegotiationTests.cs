using static HelpPortal.Web.Reader.Cache.Negotiation;

namespace HelpPortal.Web.Tests.Reader.Cache;

public sealed class NegotiationTests
{
    [Theory]
    [InlineData("", "Identity")]
    [InlineData("gzip, deflate, br, zstd", "Brotli")]
    [InlineData("gzip", "Gzip")]
    [InlineData("GZIP;Q=1", "Gzip")]
    [InlineData("x-gzip", "Gzip")]
    [InlineData("br;q=0.1, gzip;q=0.2", "Gzip")]
    [InlineData("br;q=0.5, identity", "Identity")]
    [InlineData("*;q=0.5, br;q=0", "Gzip")]
    [InlineData("*;q=0", "Identity")]
    [InlineData("br;q=0, gzip;q=0", "Identity")]
    [InlineData("br;q=1.5", "Identity")]
    [InlineData("br;q=-1, gzip", "Gzip")]
    [InlineData(";;;,,,", "Identity")]
    public void TheClientsWeightsDecide(string acceptEncoding, string expected) =>
        Assert.Equal(expected, Choose(acceptEncoding).ToString());

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("abc", false)]
    [InlineData("\"abc-br\"", false)]
    [InlineData("w/\"abc\"", false)]
    [InlineData("", false)]
    public void IfNoneMatchIsComparedWeaklyAndStrictlyParsed(string ifNoneMatch, bool matches) =>
        Assert.Equal(matches, Matches(ifNoneMatch, "\"abc\""));
}
