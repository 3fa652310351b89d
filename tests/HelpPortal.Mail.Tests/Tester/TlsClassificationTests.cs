using System.Net;
using System.Security.Cryptography.X509Certificates;
using HelpPortal.Mail.Tester;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>The real TLS handshake against loopback servers with certificates made in the test.</summary>
public sealed class TlsClassificationTests : IDisposable
{
    private const string Host = "imap.example.test";
    private readonly X509Certificate2 _ca = TestCertificates.CreateAuthority("HelpPortal Test CA");

    [Fact]
    public async Task ACertificateFromTheExtraAuthorityIsTrustedForTheMailServers()
    {
        using var certificate = TestCertificates.CreateServer(Host, _ca);

        var report = await HandshakeAsync(certificate, trusted: _ca);

        Assert.Null(report.Certificate.Diagnosis);
        Assert.Equal($"CN={Host}", report.Certificate.Subject);
        Assert.Equal("CN=HelpPortal Test CA", report.Certificate.Issuer);
        Assert.Contains("TLS 1.", report.Certificate.Describe(report.Protocol));
    }

    [Fact]
    public async Task ASelfSignedCertificateIsUntrusted()
    {
        using var certificate = TestCertificates.CreateServer(Host, issuer: null);

        var failure = await Assert.ThrowsAsync<StepFailure>(() => HandshakeAsync(certificate, trusted: _ca));

        Assert.Equal(Diagnosis.TlsUntrustedCertificate, failure.Diagnosis);
    }

    [Fact]
    public async Task ACertificateFromAnotherAuthorityIsUntrusted()
    {
        using var other = TestCertificates.CreateAuthority("Somebody Else CA");
        using var certificate = TestCertificates.CreateServer(Host, other);

        var failure = await Assert.ThrowsAsync<StepFailure>(() => HandshakeAsync(certificate, trusted: _ca));

        Assert.Equal(Diagnosis.TlsUntrustedCertificate, failure.Diagnosis);
    }

    [Fact]
    public async Task WithoutTheExtraAuthorityItsCertificatesAreUntrusted()
    {
        using var certificate = TestCertificates.CreateServer(Host, _ca);

        var failure = await Assert.ThrowsAsync<StepFailure>(() => HandshakeAsync(certificate, trusted: null));

        Assert.Equal(Diagnosis.TlsUntrustedCertificate, failure.Diagnosis);
    }

    [Fact]
    public async Task ACertificateForAnotherNameIsANameMismatch()
    {
        using var certificate = TestCertificates.CreateServer("other.example.test", _ca);

        var failure = await Assert.ThrowsAsync<StepFailure>(() => HandshakeAsync(certificate, trusted: _ca));

        Assert.Equal(Diagnosis.TlsNameMismatch, failure.Diagnosis);
    }

    [Fact]
    public async Task AnExpiredCertificateIsExpired()
    {
        using var certificate = TestCertificates.CreateServer(Host, _ca,
            notBefore: DateTimeOffset.UtcNow.AddDays(-60), notAfter: DateTimeOffset.UtcNow.AddDays(-2));

        var failure = await Assert.ThrowsAsync<StepFailure>(() => HandshakeAsync(certificate, trusted: _ca));

        Assert.Equal(Diagnosis.TlsExpired, failure.Diagnosis);
    }

    [Fact]
    public async Task SslOnConnectAgainstAPlainTextPortIsAModeMismatch()
    {
        await using var server = LoopbackServer.PlainText();
        await using var connection = await ConnectAsync(server.Port);

        var failure = await Assert.ThrowsAsync<StepFailure>(() =>
            connection.StartImplicitTlsAsync(Host, new CertificateInspector(_ca, TimeProvider.System), Timeout()));

        Assert.Equal(Diagnosis.TlsModeMismatch, failure.Diagnosis);
    }

    [Fact]
    public async Task AnImplicitTlsPortIsSilentButAnswersATlsHello()
    {
        using var certificate = TestCertificates.CreateServer(Host, _ca);
        await using var server = LoopbackServer.ImplicitTls(certificate);
        await using var connection = await ConnectAsync(server.Port);

        Assert.False(await connection.ServerSpeaksFirstAsync(TimeSpan.FromMilliseconds(300), Timeout()));
        Assert.True(await connection.AnswersTlsHelloAsync(Host, Timeout()));
    }

    [Fact]
    public async Task APlainTextPortSpeaksFirst()
    {
        await using var server = LoopbackServer.PlainText();
        await using var connection = await ConnectAsync(server.Port);

        Assert.True(await connection.ServerSpeaksFirstAsync(TimeSpan.FromSeconds(5), Timeout()));
    }

    [Fact]
    public async Task ASilentPortAnswersNoTlsHello()
    {
        await using var server = LoopbackServer.Silent();
        await using var connection = await ConnectAsync(server.Port);

        Assert.False(await connection.ServerSpeaksFirstAsync(TimeSpan.FromMilliseconds(200), Timeout()));
        using var probe = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.AnswersTlsHelloAsync(Host, probe.Token));
    }

    public void Dispose() => _ca.Dispose();

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private static async Task<IMailConnection> ConnectAsync(int port) =>
        await new SocketMailConnector().ConnectAsync([IPAddress.Loopback], port, Timeout());

    private static async Task<TlsReport> HandshakeAsync(X509Certificate2 certificate, X509Certificate2? trusted)
    {
        await using var server = LoopbackServer.ImplicitTls(certificate);
        await using var connection = await ConnectAsync(server.Port);
        return await connection.StartImplicitTlsAsync(Host, new CertificateInspector(trusted, TimeProvider.System), Timeout());
    }
}
