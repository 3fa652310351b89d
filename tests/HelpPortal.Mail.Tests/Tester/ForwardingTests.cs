namespace HelpPortal.Mail.Tests.Tester;

/// <summary>The visitor's address goes to the servers that advertise a way to take it, and only a real IP ever goes.</summary>
public sealed class ForwardingTests
{
    [Fact]
    public async Task ImapIdNamesTheVisitorBeforeTheSignIn()
    {
        var harness = new TesterHarness(forward: true);
        harness.Connector.Serve(993, "imap-forward.txt").Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        var imap = harness.Connector.Streams[0];
        Assert.True(imap.Finished, "the conversation ran to its end");
        var id = Assert.Single(imap.ClientLines, line => line.Contains(" ID (", StringComparison.Ordinal));
        Assert.True(imap.ClientLines.IndexOf(id) < imap.ClientLines.FindIndex(line => line.Contains("AUTHENTICATE", StringComparison.Ordinal)));
        Assert.Matches(@"""x-session-ext-id"" ""hp[0-9a-f]{16}""\)$", id);
        Assert.Contains("passed on to the server (IMAP ID)", Step(result, "imap-greeting").Detail);
    }

    [Fact]
    public async Task XclientNamesTheVisitorAndTheSessionGreetsAgainBeforeTheSignIn()
    {
        var harness = new TesterHarness(forward: true);
        harness.Connector.Serve(993, "imap-forward.txt").Serve(465, "smtp-xclient.txt", ("addr", "192.0.2.1 PORT=50123"));

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.True(harness.Connector.Streams[1].Finished, "XCLIENT, the second EHLO and AUTH went as recorded");
        Assert.Contains("passed on to the server (XCLIENT)", Step(result, "smtp-greeting").Detail);
    }

    [Fact]
    public async Task AnIpv6VisitorIsNamedTheWayXclientTakesIt()
    {
        var harness = new TesterHarness(forward: true);
        harness.Connector.Serve(993, "imap-no-id.txt").Serve(465, "smtp-xclient.txt", ("addr", "IPV6:2001:db8::7 PORT=50123"));

        var result = await harness.RunAsync(visitor: "2001:db8::7");

        Assert.True(harness.Connector.Streams.Count == 2 && harness.Connector.Streams[1].Finished,
            $"the XCLIENT line matched: {result.Diagnosis} {result.Detail}");
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%2")]
    [InlineData("1")]
    [InlineData("0x7f.1")]
    [InlineData("0.0.0.0")]
    [InlineData("")]
    [InlineData("192.0.2.1, 198.51.100.7")]
    public async Task AnAddressThatIsNotAPlainIpIsNeverSent(string visitor)
    {
        var harness = new TesterHarness(forward: true);
        // Neither transcript has room for an ID line or an address: any attempt would go off script.
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-xclient.txt", ("addr", "[UNAVAILABLE]"));

        var result = await harness.RunAsync(visitor: visitor);

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.Contains("no usable IP address", Step(result, "imap-greeting").Detail);
        Assert.Contains("no usable IP address", Step(result, "smtp-greeting").Detail);
        Assert.All(harness.Connector.Streams, stream => Assert.True(stream.Finished));
    }

    [Fact]
    public async Task AThousandCharacterAddressIsNeverSent()
    {
        await AnAddressThatIsNotAPlainIpIsNeverSent(new string('1', 1000));
    }

    [Fact]
    public async Task ServersThatRefuseIdOrXclientStillGetTheWholeTest()
    {
        var harness = new TesterHarness(forward: true);
        harness.Connector.Serve(993, "imap-forward-refused.txt").Serve(465, "smtp-xclient-refused.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.Contains("refused IMAP ID", Step(result, "imap-greeting").Detail);
        Assert.Contains("refused XCLIENT (550)", Step(result, "smtp-greeting").Detail);
    }

    [Fact]
    public async Task WithoutTheCapabilityTheTestRunsAsBeforeAndSaysTheAddressWasNotPassedOn()
    {
        var harness = new TesterHarness(forward: true);
        harness.Connector.Serve(993, "imap-no-id.txt").Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.Contains("not passed on to the server: it does not offer IMAP ID", Step(result, "imap-greeting").Detail);
        Assert.Contains("not passed on to the server: it does not offer XCLIENT", Step(result, "smtp-greeting").Detail);
    }

    [Fact]
    public async Task WithForwardingTurnedOffNothingAboutTheVisitorIsSent()
    {
        var harness = new TesterHarness(forward: false);
        // Both servers advertise ID and XCLIENT, but their transcripts have no room for them: sending either would go off script.
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-xclient-offered.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.Contains("turned off", Step(result, "imap-greeting").Detail);
        Assert.Contains("turned off", Step(result, "smtp-greeting").Detail);
        Assert.All(harness.Connector.Streams, stream => Assert.True(stream.Finished));
        Assert.DoesNotContain(harness.Connector.Streams.SelectMany(s => s.ClientLines), line => line.Contains("192.0.2.1", StringComparison.Ordinal));
    }

    private static MailTestStep Step(MailTestResult result, string id) => result.Steps.Single(s => s.Id == id);
}
