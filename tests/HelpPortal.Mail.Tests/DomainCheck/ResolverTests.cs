using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

public sealed class ResolverTests
{
    [Theory]
    [InlineData("192.0.2.53", "192.0.2.53:53")]
    [InlineData("127.0.0.1:10053", "127.0.0.1:10053")]
    [InlineData(" 2001:db8::53 ", "[2001:db8::53]:53")]
    [InlineData("[2001:db8::53]:5353", "[2001:db8::53]:5353")]
    public void AResolverIsAnAddressWithAnOptionalPort(string text, string endPoint) =>
        Assert.Equal(endPoint, ResolverAddress.Parse(text)!.ToString());

    [Theory]
    [InlineData("dns.example.net")]
    [InlineData("192.0.2.53:0")]
    [InlineData("192.0.2.53:70000")]
    [InlineData("192.0.2.53:")]
    [InlineData("192.0.2.53:53x")]
    [InlineData("[2001:db8::53]")]
    [InlineData("fe80::1%eth0")]
    public void AnythingElseIsNoResolver(string text) => Assert.Null(ResolverAddress.Parse(text));

    [Fact]
    public async Task AResolverThatNeverAnswersGivesLookupFailedWithinTheTimeLimit()
    {
        // A UDP socket that receives every question and answers none, as a firewall that drops DNS would.
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var model = TestProvider.Model(silent.Client.LocalEndPoint!.ToString());
        // Each question would wait 20 s; only the check's own limit can end it sooner.
        var timeouts = new DomainCheckTimeouts { QueryTimeout = TimeSpan.FromSeconds(20), CheckTimeout = TimeSpan.FromSeconds(1) };
        var checker = new DomainChecker(model, new DnsClientLookup(model.Dns, timeouts.QueryTimeout),
            Microsoft.Extensions.Options.Options.Create(timeouts));

        var clock = Stopwatch.StartNew();
        var result = await checker.CheckAsync("example.se", null, default).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        Assert.Equal("lookup-failed", result.Diagnosis);
        Assert.Equal(FindingStatus.Warning, result.Verdict);
        Assert.All(result.Findings, f => Assert.Equal("lookup-failed", f.Code));
        Assert.True(silent.Available > 0, "the questions reached the configured resolver");
        Assert.True(clock.Elapsed < timeouts.QueryTimeout, $"took {clock.Elapsed}: the check's limit did not end the wait");
    }
}
