namespace HelpPortal.Mail.Tests.Tester;

/// <summary>Every diagnosis a server's words can lead to, through the real MailKit clients over replay streams.</summary>
public sealed class ReplayDiagnosisTests
{
    [Fact]
    public async Task AWorkingMailboxIsOkWithEveryStepReported()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.Null(result.FailedStepId);
        Assert.Equal(
            ["imap-resolve", "imap-connect", "imap-tls", "imap-greeting", "imap-auth", "imap-inbox",
             "smtp-resolve", "smtp-connect", "smtp-tls", "smtp-greeting", "smtp-auth"],
            result.Steps.Select(s => s.Id));
        Assert.All(result.Steps, s => Assert.Equal(StepStatus.Ok, s.Status));
        Assert.Contains("12 messages", result.Steps.Single(s => s.Id == "imap-inbox").Detail);
        Assert.Contains("TLS 1.3", result.Steps.Single(s => s.Id == "imap-tls").Detail);
        Assert.Equal("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot ready.",
            result.Steps.Single(s => s.Id == "imap-greeting").ServerReply);
        Assert.True(harness.Connector.Streams.All(s => s.Finished), "both conversations ran to their end (LOGOUT, QUIT)");
    }

    [Fact]
    public async Task EachStepIsReportedRunningThenEnded()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-ok.txt");

        await harness.RunAsync();

        foreach (var group in harness.Reported.GroupBy(s => s.Id))
        {
            Assert.Equal(2, group.Count());
            Assert.Equal(StepStatus.Running, group.First().Status);
            Assert.Equal(StepStatus.Ok, group.Last().Status);
        }
    }

    [Fact]
    public async Task AWrongPasswordIsAuthFailedAndSmtpIsNeverContacted()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-auth-failed.txt").Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.AuthFailed, result.Diagnosis);
        Assert.Equal("imap-auth", result.FailedStepId);
        Assert.Equal("NO [AUTHENTICATIONFAILED] Authentication failed.", result.ServerReply);
        Assert.Equal(StepStatus.Skipped, result.Steps.Single(s => s.Id == "smtp-auth").Status);
        Assert.All(result.Steps.SkipWhile(s => s.Id != "imap-inbox"), s => Assert.Equal(StepStatus.Skipped, s.Status));
        Assert.Single(harness.Connector.Streams);
        Assert.DoesNotContain("smtp.websupport.se", harness.Connector.Resolved);
    }

    [Fact]
    public async Task SignInIsAttemptedOnceWithPlainOnly()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-auth-failed.txt");

        await harness.RunAsync();

        var sent = harness.Connector.Streams.Single().ClientLines;
        Assert.Single(sent, line => line.Contains("AUTHENTICATE", StringComparison.Ordinal) || line.Contains("LOGIN ", StringComparison.Ordinal));
        Assert.StartsWith("A00000000 AUTHENTICATE PLAIN ", sent[0]);
    }

    [Theory]
    [InlineData("imap-contactadmin.txt", Diagnosis.AccountSuspended, "NO [CONTACTADMIN] Account suspended, contact your provider.")]
    [InlineData("imap-unavailable.txt", Diagnosis.ServerUnavailable, "NO [UNAVAILABLE] Temporary authentication failure. [host:2026-11-27 00:00:00]")]
    public async Task ImapSignInRepliesAreDiagnosed(string transcript, string diagnosis, string reply)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, transcript);

        var result = await harness.RunAsync();

        Assert.Equal(diagnosis, result.Diagnosis);
        Assert.Equal("imap-auth", result.FailedStepId);
        Assert.Equal(reply, result.ServerReply);
    }

    [Fact]
    public async Task AByeInsteadOfAGreetingIsServerUnavailable()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-bye-greeting.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.ServerUnavailable, result.Diagnosis);
        Assert.Equal("imap-greeting", result.FailedStepId);
    }

    [Theory]
    [InlineData("smtp-auth-failed.txt", Diagnosis.AuthFailed, "smtp-auth", "535 5.7.8 Error: authentication failed: authentication failure")]
    [InlineData("smtp-account-disabled.txt", Diagnosis.AccountSuspended, "smtp-auth", "535 5.7.8 Error: authentication failed: account disabled, contact support")]
    [InlineData("smtp-454.txt", Diagnosis.ServerUnavailable, "smtp-auth", "454 4.7.0 Temporary authentication failure")]
    [InlineData("smtp-421-greeting.txt", Diagnosis.ServerUnavailable, "smtp-greeting", "421 4.3.2 Service shutting down, closing transmission channel")]
    public async Task SmtpRepliesAreDiagnosed(string transcript, string diagnosis, string step, string reply)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, transcript);

        var result = await harness.RunAsync();

        Assert.Equal(diagnosis, result.Diagnosis);
        Assert.Equal(step, result.FailedStepId);
        Assert.Equal(reply, result.ServerReply);
    }

    [Fact]
    public async Task ARateLimitedSendIsSendingLimit()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-rate-limit.txt");

        var result = await harness.RunAsync(send: true);

        Assert.Equal(Diagnosis.SendingLimit, result.Diagnosis);
        Assert.Equal("send", result.FailedStepId);
        Assert.Contains("too much mail", result.ServerReply);
        Assert.Equal(StepStatus.Skipped, result.Steps.Single(s => s.Id == "delivery").Status);
    }

    [Fact]
    public async Task ATestMessageThatArrivesReportsItsDeliveryTime()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-delivery.txt").Serve(465, "smtp-send-ok.txt");

        var result = await harness.RunAsync(send: true);

        Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        Assert.NotNull(result.DeliveryTime);
        Assert.Equal(StepStatus.Ok, result.Steps.Single(s => s.Id == "delivery").Status);
        Assert.Contains(harness.Connector.Streams[1].ClientLines, line => line == "Subject: Test message from the Websupport help portal");
    }

    [Fact]
    public async Task AnUnknownHostIsHostNotFound()
    {
        var harness = new TesterHarness();
        harness.Connector.UnknownHosts.Add(harness.Model.Incoming.Host);

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.HostNotFound, result.Diagnosis);
        Assert.Equal("imap-resolve", result.FailedStepId);
    }

    [Fact]
    public async Task ARefusedPortIsConnectionRefused()
    {
        var harness = new TesterHarness();

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.ConnectionRefused, result.Diagnosis);
        Assert.Equal("imap-connect", result.FailedStepId);
    }

    [Fact]
    public async Task AServerThatNeverGreetsIsATimeout()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-silent.txt");

        var result = await harness.RunAsync();

        Assert.Equal(Diagnosis.Timeout, result.Diagnosis);
        Assert.Equal("imap-greeting", result.FailedStepId);
    }

    [Fact]
    public async Task StartTlsAgainstAnImplicitTlsPortIsAModeMismatch()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(465, "smtp-silent.txt").Serve(993, "imap-ok.txt");
        harness.Connector.SilentPortsAnswerTls = true;

        var result = await harness.RunAsync(outgoing: harness.Model.Outgoing with { Security = MailSecurity.StartTls });

        Assert.Equal(Diagnosis.TlsModeMismatch, result.Diagnosis);
        Assert.Equal("smtp-greeting", result.FailedStepId);
        Assert.Equal(["smtp-greeting", "smtp-tls"], result.Steps.Where(s => s.Id is "smtp-greeting" or "smtp-tls").Select(s => s.Id));
    }

    [Fact]
    public async Task ASilentStartTlsPortThatIgnoresTlsTooIsATimeout()
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(143, "imap-silent.txt");

        var result = await harness.RunAsync(incoming: harness.Model.Incoming with { Port = 143, Security = MailSecurity.StartTls });

        Assert.Equal(Diagnosis.Timeout, result.Diagnosis);
        Assert.Equal("imap-greeting", result.FailedStepId);
    }

    [Fact]
    public async Task LeavingThePageCancelsTheTest()
    {
        var harness = new TesterHarness();
        harness.Timeouts.StepTimeout = TimeSpan.FromMinutes(5);
        harness.Connector.Serve(993, "imap-silent.txt");
        using var leave = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.RunAsync(cancellationToken: leave.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }
}
