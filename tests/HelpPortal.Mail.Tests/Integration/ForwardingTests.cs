namespace HelpPortal.Mail.Tests.Integration;

/// <summary>
/// The visitor's address reaches the real Dovecot and Postfix (the portal is in login_trusted_networks and
/// smtpd_authorized_xclient_hosts), so their logs and Dovecot's sign-in penalty see the visitor, not the portal.
/// </summary>
[Collection(MailServersCollection.Name)]
public sealed class ForwardingTests(MailServers servers)
{
    [Fact]
    public async Task DovecotLogsTheVisitorsAddressForTheSignIn()
    {
        var visitor = RealRun.NewVisitor();

        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, servers.GoodPassword, visitor: visitor);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Contains("passed on to the server (IMAP ID)", run.Step("imap-greeting").Detail, StringComparison.Ordinal);
        var line = await ServerLog.WaitForLineAsync(servers.DovecotLog, $"rip={visitor},");
        Assert.Contains("Login: user=<" + servers.GoodAddress + ">", line, StringComparison.Ordinal);
        Assert.Matches(@"session=<hp[0-9a-f]{16}", line);
    }

    [Fact]
    public async Task PostfixLogsTheVisitorsAddressForTheSubmission()
    {
        var visitor = RealRun.NewVisitor();

        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, servers.GoodPassword, send: true, visitor: visitor);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Contains("passed on to the server (XCLIENT)", run.Step("smtp-greeting").Detail, StringComparison.Ordinal);
        var line = await ServerLog.WaitForLineAsync(servers.PostfixLog, $"client=unknown[{visitor}]");
        Assert.Contains("sasl_username=" + servers.GoodAddress, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneVisitorsFailedSignInsDoNotDelayAnotherVisitorsCorrectOne()
    {
        var tester = MailServers.Tester(servers.Model());
        var guesser = RealRun.NewVisitor();
        for (var i = 0; i < 2; i++)
        {
            var wrong = await RealRun.StartAsync(tester, servers.GoodAddress, "not-the-password", visitor: guesser);
            wrong.AssertEndsWith(Diagnosis.AuthFailed, "imap-auth");
        }

        // Dovecot now holds back every sign-in from the guesser's address (its penalty, seconds); the customer's is
        // answered at once. The guesser's own correct sign-in shows the penalty is really on.
        var customer = await RealRun.StartAsync(tester, servers.GoodAddress, servers.GoodPassword, visitor: RealRun.NewVisitor());
        var guesserAgain = await RealRun.StartAsync(tester, servers.GoodAddress, servers.GoodPassword, visitor: guesser);

        customer.AssertEndsWith(Diagnosis.Ok, null);
        guesserAgain.AssertEndsWith(Diagnosis.Ok, null);
        var held = guesserAgain.Step("imap-auth").Elapsed;
        Assert.True(held >= TimeSpan.FromSeconds(2), $"the penalty held the guesser's sign-in back: {guesserAgain}");
        Assert.True(customer.Step("imap-auth").Elapsed < held / 2, $"the customer waited for the guesser's penalty: {customer}");
    }

    [Fact]
    public async Task WithForwardingTurnedOffTheTestStillWorks()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model(forwardClientAddress: false)),
            servers.GoodAddress, servers.GoodPassword, send: true);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Contains("not passed on", run.Step("imap-greeting").Detail, StringComparison.Ordinal);
        Assert.Contains("not passed on", run.Step("smtp-greeting").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatDoesNotOfferXclientStillGetsTheWholeTest()
    {
        var smtp = new MailServer(servers.Host, servers.SmtpsNoXclientPort, MailSecurity.SslOnConnect);

        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model(outgoing: smtp)), servers.GoodAddress, servers.GoodPassword, send: true);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Contains("it does not offer XCLIENT", run.Step("smtp-greeting").Detail, StringComparison.Ordinal);
    }
}

/// <summary>Reads a server's log file, which its logging process writes a moment after the event.</summary>
internal static class ServerLog
{
    public static async Task<string> WaitForLineAsync(string path, string contains)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var lines = await ReadSharedAsync(path);
            if (lines.LastOrDefault(line => line.Contains(contains, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"{path} has no line with {contains}");
    }

    private static async Task<string[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Split('\n');
    }
}
