using HelpPortal.Mail.Tester;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>Only a plain IP address in its usual spelling is ever passed on to a mail server.</summary>
public sealed class ForwardedClientTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("2001:0db8:0000::0007", "2001:db8::7")]
    [InlineData("[2001:db8::7]", "2001:db8::7")]
    public void APlainAddressIsKeptInItsUsualSpelling(string text, string sent)
    {
        Assert.Equal(sent, ForwardedClient.ParseAddress(text)?.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("192.0.2.7:443")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%25")]
    [InlineData("3221225991")]
    [InlineData("0300.0.2.7")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.0.2.7\r\nAUTH PLAIN")]
    [InlineData("2001:db8::7 2001:db8::8")]
    public void AnythingElseIsNotAnAddressToSend(string? text)
    {
        Assert.Null(ForwardedClient.ParseAddress(text));
    }

    [Fact]
    public void AThousandCharactersAreNotAnAddressToSend()
    {
        Assert.Null(ForwardedClient.ParseAddress(string.Concat(Enumerable.Repeat("1.", 500))));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    [InlineData(65536, null)]
    [InlineData(50123, 50123)]
    public void OnlyARealPortGoesWithTheAddress(int port, int? sent)
    {
        Assert.Equal(sent, ForwardedClient.From(true, "192.0.2.7", port).Port);
    }

    [Fact]
    public void WithForwardingOffNothingIsKept()
    {
        var visitor = ForwardedClient.From(false, "192.0.2.7", 50123);

        Assert.False(visitor.Enabled);
        Assert.Null(visitor.Address);
        Assert.Null(visitor.Port);
    }

    [Fact]
    public void AnIpv6AddressIsNamedTheWayXclientTakesIt()
    {
        Assert.Equal("IPV6:2001:db8::7", ForwardedClient.From(true, "2001:db8::7", 1).XclientAddress());
        Assert.Equal("192.0.2.7", ForwardedClient.From(true, "192.0.2.7", 1).XclientAddress());
    }
}
