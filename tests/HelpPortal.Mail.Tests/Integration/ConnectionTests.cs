using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HelpPortal.Mail.Tests.Integration;

/// <summary>Reaching the loopback servers, and the TLS they speak, going wrong the ways customers meet it.</summary>
[Collection(MailServersCollection.Name)]
public sealed class ConnectionTests(MailServers servers)
{
    [Fact]
    public async Task AServerThatIsDownIsConnectionRefused()
    {
        var down = new MailServer(servers.Host, MailServers.ClosedPort(), MailSecurity.SslOnConnect);

        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model(incoming: down)), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.ConnectionRefused, "imap-connect");
        Assert.Equal(StepStatus.Skipped, run.Step("imap-auth").Status);
    }

    [Fact]
    public async Task AListenerThatNeverAnswersIsATimeoutWithinTheStepTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var model = servers.Model(incoming: new MailServer(servers.Host, port, MailSecurity.SslOnConnect));
        var clock = Stopwatch.StartNew();

        var run = await RealRun.StartAsync(MailServers.Tester(model, stepTimeout: TimeSpan.FromSeconds(2)), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.Timeout, "imap-tls");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ACertificateFromAnotherCaIsUntrusted()
    {
        var model = servers.Model(trustedRoot: servers.RogueCaCertificate);

        var run = await RealRun.StartAsync(MailServers.Tester(model), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.TlsUntrustedCertificate, "imap-tls");
        Assert.Equal(StepStatus.Skipped, run.Step("imap-auth").Status);
    }

    [Fact]
    public async Task ConnectingByAddressToACertificateForLocalhostIsANameMismatch()
    {
        var byAddress = new MailServer(servers.IpAddress, servers.ImapsPort, MailSecurity.SslOnConnect);

        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model(incoming: byAddress)), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.TlsNameMismatch, "imap-tls");
    }

    [Fact]
    public async Task AnExpiredCertificateIsTlsExpired()
    {
        var expired = new MailServer(servers.Host, servers.SmtpsExpiredPort, MailSecurity.SslOnConnect);

        var run = await RealRun.StartAsync(MailServers.Tester(servers.Model(outgoing: expired)), servers.GoodAddress, servers.GoodPassword);

        run.AssertEndsWith(Diagnosis.TlsExpired, "smtp-tls");
        Assert.Equal(StepStatus.Ok, run.Step("imap-auth").Status);
    }

    public static TheoryData<string, MailSecurity, string> ModeMismatches => new()
    {
        // What the customer picked, against a port that speaks the other mode.
        { "imaps", MailSecurity.StartTls, "imap-greeting" },
        { "imap-starttls", MailSecurity.SslOnConnect, "imap-tls" },
        { "smtps", MailSecurity.StartTls, "smtp-greeting" },
        { "submission", MailSecurity.SslOnConnect, "smtp-tls" },
    };

    [Theory]
    [MemberData(nameof(ModeMismatches))]
    public async Task TheWrongTlsModeForAPortIsAModeMismatch(string port, MailSecurity chosen, string failedStep)
    {
        var (configured, isImap) = port switch
        {
            "imaps" => (servers.Imaps, true),
            "imap-starttls" => (new MailServer(servers.Host, servers.ImapStartTlsPort, MailSecurity.StartTls), true),
            "smtps" => (servers.Smtps, false),
            _ => (new MailServer(servers.Host, servers.SubmissionPort, MailSecurity.StartTls), false),
        };
        var model = isImap ? servers.Model(incoming: configured) : servers.Model(outgoing: configured);
        var typed = configured with { Security = chosen };

        var run = await RealRun.StartAsync(MailServers.Tester(model, stepTimeout: TimeSpan.FromSeconds(3)), servers.GoodAddress, servers.GoodPassword,
            incoming: isImap ? typed : null, outgoing: isImap ? null : typed);

        run.AssertEndsWith(Diagnosis.TlsModeMismatch, failedStep);
    }

    [Theory]
    [InlineData("imaps", "imap-greeting")]
    [InlineData("smtps", "smtp-greeting")]
    public async Task StartTlsAgainstAnSslPortIsAModeMismatchWithinAFewSecondsAtTheDefaultTimeout(string port, string failedStep)
    {
        var isImap = port == "imaps";
        var configured = isImap ? servers.Imaps : servers.Smtps;
        var model = isImap ? servers.Model(incoming: configured) : servers.Model(outgoing: configured);
        var typed = configured with { Security = MailSecurity.StartTls };
        var clock = Stopwatch.StartNew();

        // The default step timeout (10 s): the silent SSL port must be recognised long before it runs out.
        var run = await RealRun.StartAsync(MailServers.Tester(model), servers.GoodAddress, servers.GoodPassword,
            incoming: isImap ? typed : null, outgoing: isImap ? null : typed);

        run.AssertEndsWith(Diagnosis.TlsModeMismatch, failedStep);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}: {run}");
    }
}
