using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace HelpPortal.Mail.Tester;

/// <summary>The real connector: DNS, one TCP socket, and an SslStream whose failures the tester classifies itself.</summary>
internal sealed class SocketMailConnector : IMailConnector
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    public async Task<IMailConnection> ConnectAsync(IReadOnlyList<IPAddress> addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, cancellationToken);
                return new SocketMailConnection(socket);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}

internal sealed class SocketMailConnection(Socket socket) : IMailConnection
{
    private readonly FirstBytesStream _network = new(new NetworkStream(socket, ownsSocket: true));
    private SslStream? _tls;

    public Stream Stream => (Stream?)_tls ?? _network;

    public bool IsEncrypted => _tls is { IsAuthenticated: true, IsEncrypted: true };

    public async Task<TlsReport> StartImplicitTlsAsync(string host, CertificateInspector inspector, CancellationToken cancellationToken)
    {
        CertificateReport? report = null;
        var tls = new SslStream(_network, leaveInnerStreamOpen: false, (_, certificate, chain, errors) =>
        {
            report = inspector.Inspect(certificate, chain, errors);
            return report.Diagnosis is null;
        });
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            }, cancellationToken);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await tls.DisposeAsync();
            if (report?.Diagnosis is { } diagnosis)
            {
                throw new StepFailure(diagnosis, $"The server's certificate was refused: {report.Problem}.");
            }

            if (_network.SawPlainText)
            {
                throw new StepFailure(Diagnosis.TlsModeMismatch,
                    "The server answered in plain text: this port expects STARTTLS (or no encryption), not SSL/TLS from the start.");
            }

            throw new StepFailure(Diagnosis.ServerUnavailable, $"The TLS handshake failed: {e.Message}");
        }

        _tls = tls;
        return new TlsReport(tls.SslProtocol, report!);
    }

    public async Task<bool> ServerSpeaksFirstAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(wait);
        try
        {
            // Peek leaves the greeting in the socket for MailKit; a closed connection (0 bytes) also "speaks".
            await socket.ReceiveAsync(new byte[1], SocketFlags.Peek, waiting.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<bool> AnswersTlsHelloAsync(string host, CancellationToken cancellationToken)
    {
        // Only a probe: any certificate is fine, nothing else is sent, and the connection is closed afterwards.
        var answered = false;
        await using var probe = new SslStream(_network, leaveInnerStreamOpen: true, (_, _, _, _) => answered = true);
        try
        {
            await probe.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return answered;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        await _network.DisposeAsync();
    }
}
