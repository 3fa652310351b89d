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

/// <summary>Remembers the first bytes the server sent, to tell a plain-text greeting from a TLS record.</summary>
internal sealed class FirstBytesStream(Stream inner) : Stream
{
    private readonly byte[] _first = new byte[4];
    private int _seen;

    /// <summary>A TLS record starts with 0x14-0x17; an IMAP or SMTP greeting starts with <c>*</c> or a digit.</summary>
    public bool SawPlainText => _seen > 0 && _first[0] is >= 0x20 and < 0x7f;

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanTimeout => inner.CanTimeout;
    public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }
    public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Remember(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Remember(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private int Remember(ReadOnlySpan<byte> read)
    {
        var take = Math.Min(read.Length, _first.Length - _seen);
        read[..take].CopyTo(_first.AsSpan(_seen));
        _seen += take;
        return read.Length;
    }
}
