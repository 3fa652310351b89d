using System.Text.RegularExpressions;

namespace HelpPortal.Mail.Tests.Integration;

/// <summary>Real accounts on the loopback Dovecot and Postfix: what a customer's own mailbox can run into.</summary>
[Collection(MailServersCollection.Name)]
public sealed class AccountTests(MailServers servers)
{
    [Fact]
    public async Task AWorkingAccountPassesEveryStepAndCountsTheInbox()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.All(run.Result.Steps, step => Assert.Equal(StepStatus.Ok, step.Status));
        Assert.Equal(
            ["imap-resolve", "imap-connect", "imap-tls", "imap-greeting", "imap-auth", "imap-inbox",
             "smtp-resolve", "smtp-connect", "smtp-tls", "smtp-greeting", "smtp-auth"],
            run.Result.Steps.Select(step => step.Id));
        Assert.Matches(new Regex(@"\b\d+ messages\b"), run.Step("imap-inbox").Detail);
        Assert.Contains("localhost", run.Step("imap-tls").Detail, StringComparison.Ordinal);
        // Every step was shown running before it ended.
        Assert.All(run.Result.Steps, step => Assert.Contains(run.Reported, seen => seen.Id == step.Id && seen.Status == StepStatus.Running));
    }

    [Fact]
    public async Task AWorkingAccountOverStartTlsPortsPassesToo()
    {
        var run = await StartTlsRunAsync();

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.All(run.Result.Steps, step => Assert.Equal(StepStatus.Ok, step.Status));
    }

    [Fact]
    public async Task OverStartTlsPortsTheTlsStepsCarryTheTimeOfTheUpgrade()
    {
        var run = await StartTlsRunAsync();

        run.AssertEndsWith(Diagnosis.Ok, null);
        foreach (var prefix in new[] { "imap", "smtp" })
        {
            // The handshake (and the capabilities asked again over TLS) is real work on a real server: never 0 ms.
            var tls = run.Step($"{prefix}-tls");
            Assert.True(tls.Elapsed > TimeSpan.Zero, $"{prefix}-tls took no time: {run}");
            Assert.Contains("localhost", tls.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheSignInStepShowsTheServersAnswerToTheSignInItself()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.Ok, null);
        // Dovecot answers the sign-in with "OK [CAPABILITY ...] Logged in"; the folder list MailKit asks for
        // afterwards ("OK List completed") is not the answer the customer should see.
        var reply = run.Step("imap-auth").ServerReply;
        Assert.NotNull(reply);
        Assert.StartsWith("OK", reply, StringComparison.Ordinal);
        Assert.Contains("Logged in", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("List", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATestMessageArrivesAndItsDeliveryTimeIsReported()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, servers.GoodPassword, send: true);

        run.AssertEndsWith(Diagnosis.Ok, null);
        Assert.Equal(StepStatus.Ok, run.Step("send").Status);
        Assert.Equal(StepStatus.Ok, run.Step("delivery").Status);
        Assert.NotNull(run.Result.DeliveryTime);
        Assert.InRange(run.Result.DeliveryTime.Value, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.StartsWith("250", run.Step("send").ServerReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsAuthFailedAndSmtpSignInIsSkipped()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.GoodAddress, "not-the-password");

        run.AssertEndsWith(Diagnosis.AuthFailed, "imap-auth");
        Assert.Contains("AUTHENTICATIONFAILED", run.Result.ServerReply, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Skipped, run.Step("smtp-auth").Status);
    }

    [Fact]
    public async Task AnUnknownMailboxGetsTheSameAnswerAsAWrongPassword()
    {
        var tester = MailServers.Tester(servers.Model());

        var unknown = await RealRun.StartAsync(tester, "nobody" + servers.GoodAddress[servers.GoodAddress.IndexOf('@', StringComparison.Ordinal)..], "not-the-password");
        var wrong = await RealRun.StartAsync(tester, servers.GoodAddress, "not-the-password");

        unknown.AssertEndsWith(Diagnosis.AuthFailed, "imap-auth");
        Assert.Equal(wrong.Result.ServerReply, unknown.Result.ServerReply);
        Assert.Equal(wrong.Result.Detail, unknown.Result.Detail);
    }

    [Fact]
    public async Task ASuspendedAccountIsToldToContactTheProvider()
    {
        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model()), servers.SuspendedAddress, servers.SuspendedPassword);

        run.AssertEndsWith(Diagnosis.AccountSuspended, "imap-auth");
        Assert.Contains("CONTACTADMIN", run.Result.ServerReply, StringComparison.Ordinal);
        Assert.StartsWith("NO", run.Step("imap-auth").ServerReply, StringComparison.Ordinal);
        // Postfix would still accept this account's SMTP sign-in (only Dovecot knows it is suspended), so the
        // verdict has to come from IMAP, which runs first; SMTP is never tried.
        Assert.Equal(StepStatus.Skipped, run.Step("smtp-auth").Status);
    }

    [Fact]
    public async Task ASendRefusedByTheServersRateLimitIsTheSendingLimit()
    {
        // Postfix lets one message per client per minute through this port; the first run may use it up or
        // find it already used by an earlier run, the second is always refused.
        // The limit is per client, and the client is the visitor the portal names with XCLIENT: the same one twice.
        var smtp = new MailServer(servers.Host, servers.SmtpsRateLimitedPort, MailSecurity.SslOnConnect);
        var tester = MailServers.Tester(servers.Model(outgoing: smtp));
        var visitor = RealRun.NewVisitor();

        var first = await RealRun.StartAsync(tester, servers.GoodAddress, servers.GoodPassword, send: true, visitor: visitor);
        var second = await RealRun.StartAsync(tester, servers.GoodAddress, servers.GoodPassword, send: true, visitor: visitor);

        Assert.Contains(first.Result.Diagnosis, new[] { Diagnosis.Ok, Diagnosis.SendingLimit });
        second.AssertEndsWith(Diagnosis.SendingLimit, "send");
        Assert.StartsWith("450 4.7.1", second.Result.ServerReply, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Skipped, second.Step("delivery").Status);
    }

    private Task<RealRun> StartTlsRunAsync()
    {
        var imap = new MailServer(servers.Host, servers.ImapStartTlsPort, MailSecurity.StartTls);
        var smtp = new MailServer(servers.Host, servers.SubmissionPort, MailSecurity.StartTls);
        return RealRun.StartAsync(MailServers.Tester(servers.Model(imap, smtp)), servers.GoodAddress, servers.GoodPassword);
    }
}
