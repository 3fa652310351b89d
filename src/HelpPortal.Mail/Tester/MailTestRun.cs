// Over 200 lines: one run's shared state and the connection set-up (TLS, forwarding) both protocols use; the IMAP and SMTP steps are the partial files beside it.
using System.Diagnostics;
using MailKit;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// The connections of one test: shared steps (resolve, connect, TLS, greeting) here, the protocol steps in the
/// IMAP and SMTP parts. Everything it opens is closed when it is disposed.
/// </summary>
internal sealed partial class MailTestRun(
    StepRunner runner,
    IMailConnector connector,
    CertificateInspector inspector,
    MailTesterTimeouts timeouts,
    TimeProvider time,
    ForwardedClient visitor,
    ILogger logger,
    string address,
    string password) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _open = [];
    private readonly List<MailService> _clients = [];

    private TimeSpan Step => timeouts.StepTimeout;

    private TimeSpan SignIn => timeouts.SignInTimeout > Step ? timeouts.SignInTimeout : Step;

    // A port that speaks TLS answers a hello at once; the probe need not wait a whole step.
    private TimeSpan Probe => Step / 2;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            if (client.IsConnected)
            {
                // A polite LOGOUT/QUIT, but never waiting long for it.
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await client.DisconnectAsync(true, quit.Token);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The server is gone or slow; the socket is closed below regardless.
                }
            }

            client.Dispose();
        }

        foreach (var resource in _open)
        {
            await resource.DisposeAsync();
        }
    }

    private T Track<T>(T client) where T : MailService
    {
        // MailKit's own read timeout must not cut a sign-in short; each step's token keeps its own limit.
        client.Timeout = (int)SignIn.TotalMilliseconds;
        client.CheckCertificateRevocation = false;
        _clients.Add(client);
        return client;
    }

    /// <summary>Resolve, connect and (for SSL/TLS ports) the TLS handshake.</summary>
    private async Task<IMailConnection> OpenAsync(ProtocolSteps steps, MailServer server, CancellationToken cancellationToken)
    {
        var addresses = await runner.RunAsync(steps.Resolve, Step, async (outcome, token) =>
        {
            var found = await connector.ResolveAsync(server.Host, token);
            outcome.Detail = $"{server.Host} is {string.Join(", ", found.Select(a => a.ToString()))}";
            return found;
        }, cancellationToken);

        var connection = await runner.RunAsync(steps.Connect, Step, async (outcome, token) =>
        {
            var opened = await connector.ConnectAsync(addresses, server.Port, token);
            outcome.Detail = $"Connected to port {server.Port}";
            return opened;
        }, cancellationToken);
        _open.Add(connection);

        if (server.Security == MailSecurity.SslOnConnect)
        {
            await runner.RunAsync(steps.Tls, Step, async (outcome, token) =>
            {
                var report = await connection.StartImplicitTlsAsync(server.Host, inspector, token);
                Describe(outcome, report.Certificate, report.Protocol);
                return report;
            }, cancellationToken);
        }

        return connection;
    }

    /// <summary>
    /// Lets MailKit read the greeting (and, for STARTTLS ports, upgrade the connection), makes sure the connection is
    /// encrypted whatever the settings said, and passes the visitor's address on. A STARTTLS port that stays silent is
    /// probed: if it answers a TLS hello, it expects SSL/TLS from the start.
    /// </summary>
    private async Task GreetAsync(
        ProtocolSteps steps,
        MailServer server,
        IMailConnection connection,
        MailService client,
        Func<ServerReplyRecorder, int, Exception, StepFailure> classify,
        ServerReplyRecorder recorder,
        Func<IReadOnlyList<string>, string?> describe,
        Func<IReadOnlyList<string>, CancellationToken, Task<string>> forward,
        CancellationToken cancellationToken)
    {
        var startTls = server.Security == MailSecurity.StartTls;
        CertificateReport? certificate = null;
        client.ServerCertificateValidationCallback = (_, cert, chain, errors) =>
        {
            certificate = inspector.Inspect(cert, chain, errors);
            return certificate.Diagnosis is null;
        };

        StepFailure? tlsFailure = null;
        var tlsTime = TimeSpan.Zero;
        var greetingWait = timeouts.GreetingWait < Step ? timeouts.GreetingWait : Step;
        await runner.RunAsync(steps.Greeting, startTls ? greetingWait + Probe + Step : Step, async (outcome, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            // An SSL/TLS port stays silent, waiting for our hello: a short wait, then a TLS probe, tells it apart
            // from a slow server without keeping the customer waiting a whole step.
            if (startTls && !await connection.ServerSpeaksFirstAsync(greetingWait, token))
            {
                throw await AnswersTlsHelloAsync(connection, server.Host, token)
                    ? new StepFailure(Diagnosis.TlsModeMismatch,
                        $"Port {server.Port} expects SSL/TLS from the first byte; STARTTLS does not fit it.")
                    : new StepFailure(Diagnosis.Timeout, $"The server sent no greeting within {Seconds(greetingWait)} s.");
            }

            var mark = recorder.Count;
            // Watching the stream shows when the TLS hello went out: from there on the time is the tls step's.
            var watched = new FirstBytesStream(connection.Stream);
            try
            {
                var options = startTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
                await client.ConnectAsync(watched, server.Host, server.Port, options, token);
            }
            catch (SslHandshakeException) when (startTls)
            {
                tlsFailure = certificate?.Diagnosis is { } diagnosis
                    ? new StepFailure(diagnosis, $"The server's certificate was refused: {certificate.Problem}.")
                    : new StepFailure(Diagnosis.ServerUnavailable, "The TLS handshake after STARTTLS failed.");
            }
            catch (NotSupportedException) when (startTls)
            {
                tlsFailure = new StepFailure(Diagnosis.TlsModeMismatch,
                    $"Port {server.Port} does not offer STARTTLS, so the connection cannot be encrypted that way.");
            }
            catch (Exception e) when (e is ProtocolException or CommandException)
            {
                throw classify(recorder, mark, e);
            }

            if (watched.TlsHelloWrittenAt is { } hello)
            {
                outcome.Elapsed = Stopwatch.GetElapsedTime(started, hello);
                tlsTime = Stopwatch.GetElapsedTime(hello);
            }

            var lines = recorder.LinesSince(mark);
            outcome.ServerReply = lines.Count > 0 ? ReplyClassifier.WithoutTag(lines[0]) : null;
            outcome.Detail = describe(lines);
            if (tlsFailure is null)
            {
                // Whatever the settings say, no password goes over a connection that is not encrypted.
                if (!connection.IsEncrypted && !client.IsEncrypted)
                {
                    throw new StepFailure(Diagnosis.TlsModeMismatch,
                        $"The connection to port {server.Port} is not encrypted, so no password is sent over it.");
                }

                var forwarded = await forward(lines, token);
                outcome.Detail = outcome.Detail is null ? forwarded : $"{outcome.Detail}; {forwarded}";
            }

            return true;
        }, cancellationToken);

        if (!startTls)
        {
            return;
        }

        if (tlsFailure is not null)
        {
            runner.Fail(steps.Tls, tlsFailure, tlsTime);
        }

        var tls = new StepOutcome { Detail = "TLS negotiated after STARTTLS" };
        if (certificate is not null)
        {
            Describe(tls, certificate, client is MailKit.Net.Imap.ImapClient imap ? imap.SslProtocol : ((MailKit.Net.Smtp.SmtpClient)client).SslProtocol);
        }

        runner.Record(steps.Tls, tls.Status, tlsTime, tls.Detail);
    }

    private async Task<bool> AnswersTlsHelloAsync(IMailConnection connection, string host, CancellationToken cancellationToken)
    {
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(Probe);
        try
        {
            return await connection.AnswersTlsHelloAsync(host, probe.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Describe(StepOutcome outcome, CertificateReport certificate, System.Security.Authentication.SslProtocols protocol)
    {
        outcome.Detail = certificate.Describe(protocol);
        if (certificate.ExpiresSoon(time.GetUtcNow()))
        {
            outcome.Status = StepStatus.Warning;
            outcome.Detail += " (expires soon)";
        }
    }

    private static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);
}
