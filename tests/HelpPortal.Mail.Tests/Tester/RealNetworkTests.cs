using System.Diagnostics;
using HelpPortal.Mail.Tester;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>The whole engine over real DNS and loopback sockets, for the diagnoses that come before any reply.</summary>
public sealed class RealNetworkTests : IDisposable
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ca = TestCertificates.CreateAuthority("HelpPortal Test CA");
    // Generous enough for a busy CI machine, short enough to keep the suite quick.
    private readonly MailTesterTimeouts _timeouts = new() { StepTimeout = TimeSpan.FromSeconds(3) };

    [Fact]
    public async Task AHostDnsDoesNotKnowIsHostNotFound()
    {
        var result = await RunAsync(new MailServer("imap.helpportal.invalid", 993, MailSecurity.SslOnConnect));

        Assert.Equal(Diagnosis.HostNotFound, result.Diagnosis);
        Assert.Equal("imap-resolve", result.FailedStepId);
    }

    [Fact]
    public async Task AClosedPortIsConnectionRefused()
    {
        var result = await RunAsync(new MailServer("127.0.0.1", LoopbackServer.ClosedPort(), MailSecurity.SslOnConnect));

        Assert.Equal(Diagnosis.ConnectionRefused, result.Diagnosis);
        Assert.Equal("imap-connect", result.FailedStepId);
    }

    [Fact]
    public async Task AListenerThatNeverAnswersIsATimeoutWithinTheStepTimeout()
    {
        await using var server = LoopbackServer.Silent();
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(new MailServer("127.0.0.1", server.Port, MailSecurity.SslOnConnect));

        Assert.Equal(Diagnosis.Timeout, result.Diagnosis);
        Assert.Equal("imap-tls", result.FailedStepId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task StartTlsAgainstAnImplicitTlsServerIsAModeMismatch()
    {
        using var certificate = TestCertificates.CreateServer("localhost", _ca);
        await using var server = LoopbackServer.ImplicitTls(certificate);

        var result = await RunAsync(new MailServer("localhost", server.Port, MailSecurity.StartTls));

        Assert.Equal(Diagnosis.TlsModeMismatch, result.Diagnosis);
        Assert.Equal("imap-greeting", result.FailedStepId);
    }

    [Fact]
    public async Task AnUntrustedCertificateStopsTheTestBeforeAnyPasswordIsSent()
    {
        using var certificate = TestCertificates.CreateServer("localhost", issuer: null);
        await using var server = LoopbackServer.ImplicitTls(certificate);

        var result = await RunAsync(new MailServer("localhost", server.Port, MailSecurity.SslOnConnect));

        Assert.True(result.Diagnosis == Diagnosis.TlsUntrustedCertificate, $"{result.Diagnosis} at {result.FailedStepId}: {result.Detail}");
        Assert.Equal("imap-tls", result.FailedStepId);
        Assert.Equal(StepStatus.Skipped, result.Steps.Single(s => s.Id == "imap-auth").Status);
    }

    [Fact]
    public async Task ATrustedServerGetsPastTlsAndShowsItsGreeting()
    {
        using var certificate = TestCertificates.CreateServer("localhost", _ca);
        await using var server = LoopbackServer.ImplicitTls(certificate);

        var result = await RunAsync(new MailServer("localhost", server.Port, MailSecurity.SslOnConnect));

        var tls = result.Steps.Single(s => s.Id == "imap-tls");
        Assert.Equal(StepStatus.Ok, tls.Status);
        Assert.Contains("CN=localhost", tls.Detail);
        Assert.Contains("issued by CN=HelpPortal Test CA", tls.Detail);
        Assert.Equal("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready.", result.Steps.Single(s => s.Id == "imap-greeting").ServerReply);
        // The loopback server greets and then falls silent: the sign-in times out.
        Assert.Equal("imap-auth", result.FailedStepId);
        Assert.Equal(Diagnosis.Timeout, result.Diagnosis);
    }

    [Fact]
    public async Task AStartTlsPortGreetsThenUpgradesWithATrustedCertificate()
    {
        using var certificate = TestCertificates.CreateServer("localhost", _ca);
        await using var server = LoopbackServer.StartTls(certificate);

        var result = await RunAsync(new MailServer("localhost", server.Port, MailSecurity.StartTls));

        Assert.Equal(["imap-resolve", "imap-connect", "imap-greeting", "imap-tls"], result.Steps.Take(4).Select(s => s.Id));
        Assert.Equal("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready.", result.Steps[2].ServerReply);
        Assert.Equal(StepStatus.Ok, result.Steps[3].Status);
        Assert.Contains("issued by CN=HelpPortal Test CA", result.Steps[3].Detail);
        Assert.Equal("imap-auth", result.FailedStepId);
    }

    [Fact]
    public async Task AnUntrustedCertificateAfterStartTlsFailsTheTlsStep()
    {
        using var certificate = TestCertificates.CreateServer("localhost", issuer: null);
        await using var server = LoopbackServer.StartTls(certificate);

        var result = await RunAsync(new MailServer("localhost", server.Port, MailSecurity.StartTls));

        Assert.Equal(StepStatus.Ok, result.Steps.Single(s => s.Id == "imap-greeting").Status);
        Assert.Equal("imap-tls", result.FailedStepId);
        Assert.Equal(Diagnosis.TlsUntrustedCertificate, result.Diagnosis);
    }

    public void Dispose() => _ca.Dispose();

    private Task<MailTestResult> RunAsync(MailServer incoming)
    {
        var model = new MailServiceModel("Test", incoming, incoming with { Port = LoopbackServer.ClosedPort() }, new SendingLimits(1, 1, 1))
        {
            TrustedRoot = _ca,
        };
        var tester = new MailKitMailTester(model, Microsoft.Extensions.Options.Options.Create(_timeouts), NullLogger<MailKitMailTester>.Instance, TimeProvider.System);
        return tester.RunAsync(new MailTestRequest(TesterHarness.Address, TesterHarness.Password, false, "192.0.2.1"), _ => { }, CancellationToken.None);
    }
}
