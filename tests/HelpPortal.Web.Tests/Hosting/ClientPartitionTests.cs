using System.Net;
using HelpPortal.Web.Hosting;

namespace HelpPortal.Web.Tests.Hosting;

public sealed class ClientPartitionTests
{
    [Fact]
    public void EveryAddressInOneIpv6Slash64CountsAsOneClient()
    {
        var first = ClientPartition.Key(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        var second = ClientPartition.Key(IPAddress.Parse("2001:db8:1:2::1"));

        Assert.Equal(first, second);
        Assert.Equal("2001:db8:1:2::/64", first);
    }

    [Fact]
    public void NeighbouringIpv6NetworksAreDifferentClients() =>
        Assert.NotEqual(
            ClientPartition.Key(IPAddress.Parse("2001:db8:1:2::1")),
            ClientPartition.Key(IPAddress.Parse("2001:db8:1:3::1")));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    public void AnIpv4ClientIsItsAddressHoweverItArrives(string address, string expected) =>
        Assert.Equal(expected, ClientPartition.Key(IPAddress.Parse(address)));

    [Fact]
    public void AConnectionWithoutAnAddressIsOneSharedClient() =>
        Assert.Equal("unknown", ClientPartition.Key((IPAddress?)null));
}
