using System.Net;
using HelpPortal.Mail.Tester;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>The tester never signs in in the clear, whatever its settings or its TLS code say.</summary>
public sealed class CleartextTests
{
    [Fact]
    public async Task AServerOfferingSignInWithoutTlsIsNeverSentThePassword()
    {
        var received = new List<string>();
        await using var server = LoopbackServer.CleartextWithAuth(received);
        var imap = new MailServer("127.0.0.1", server.Port, MailSecurity.SslOnConnect);
        var model = MailServiceModel.FromOptions(MailServiceDefaults.Create()) with { Incoming = imap, ForwardClientAddress = false };
        // A connector whose TLS step "succeeds" without encrypting anything: a bug or a misconfiguration the engine
        // must catch by itself before credentials go out.
        var tester = new MailKitMailTester(model, new TlsSkippingConnector(), new MailTesterTimeouts { StepTimeout = TimeSpan.FromSeconds(5) },
            NullLogger.Instance, TimeProvider.System);

        var result = await tester.RunAsync(new MailTestRequest(TesterHarness.Address, TesterHarness.Password, false, "192.0.2.1"),
            _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.TlsModeMismatch, result.Diagnosis);
        Assert.Equal("imap-greeting", result.FailedStepId);
        Assert.Contains("not encrypted", result.Detail, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Skipped, result.Steps.Single(s => s.Id == "imap-auth").Status);
        lock (received)
        {
            Assert.DoesNotContain(received, line => line.Contains("AUTHENTICATE", StringComparison.OrdinalIgnoreCase)
                || line.Contains("LOGIN", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(1, -1)]
    public async Task ASecurityValueOutsideTheDefinedOnesIsInvalidInputAndNothingIsContacted(int incoming, int outgoing)
    {
        var harness = new TesterHarness();
        harness.Connector.Serve(993, "imap-ok.txt").Serve(465, "smtp-ok.txt");

        var result = await harness.RunAsync(
            incoming: harness.Model.Incoming with { Security = (MailSecurity)incoming },
            outgoing: harness.Model.Outgoing with { Security = (MailSecurity)outgoing });

        Assert.Equal(Diagnosis.InvalidInput, result.Diagnosis);
        Assert.Empty(harness.Connector.Resolved);
        Assert.Empty(harness.Connector.Streams);
    }

    private sealed class TlsSkippingConnector : IMailConnector
    {
        private readonly SocketMailConnector _real = new();

        public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
            _real.ResolveAsync(host, cancellationToken);

        public async Task<IMailConnection> ConnectAsync(IReadOnlyList<IPAddress> addresses, int port, CancellationToken cancellationToken) =>
            new NoTls(await _real.ConnectAsync(addresses, port, cancellationToken));

        private sealed class NoTls(IMailConnection inner) : IMailConnection
        {
            public Stream Stream => inner.Stream;
            public bool IsEncrypted => inner.IsEncrypted;

            public Task<TlsReport> StartImplicitTlsAsync(string host, CertificateInspector inspector, CancellationToken cancellationToken) =>
                Task.FromResult(new TlsReport(System.Security.Authentication.SslProtocols.Tls13,
                    new CertificateReport(null, $"CN={host}", "CN=Nobody", DateTimeOffset.UtcNow.AddYears(1), "")));

            public Task<bool> ServerSpeaksFirstAsync(TimeSpan wait, CancellationToken cancellationToken) =>
                inner.ServerSpeaksFirstAsync(wait, cancellationToken);

            public Task<bool> AnswersTlsHelloAsync(string host, CancellationToken cancellationToken) =>
                inner.AnswersTlsHelloAsync(host, cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
