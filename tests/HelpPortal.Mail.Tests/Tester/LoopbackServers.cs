using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>
/// Small real servers on 127.0.0.1 for the parts a replay stream cannot prove: DNS, sockets, TLS handshakes.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _serving;

    private LoopbackServer(Func<Stream, CancellationToken, Task>? serve)
    {
        _listener.Start();
        // A listener that never accepts still completes TCP handshakes from its backlog, then stays silent.
        _serving = serve is null ? Task.CompletedTask : ServeAsync(serve);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Speaks TLS from the first byte with <paramref name="certificate"/>, then greets in IMAP.</summary>
    public static LoopbackServer ImplicitTls(X509Certificate2 certificate) => new(async (stream, token) =>
    {
        await using var tls = new SslStream(stream);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, token);
        await tls.WriteAsync(Encoding.ASCII.GetBytes("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready.\r\n"), token);
        await Task.Delay(Timeout.Infinite, token);
    });

    /// <summary>An IMAP server on a STARTTLS port: greets in plain text, upgrades on STARTTLS, then answers CAPABILITY.</summary>
    public static LoopbackServer StartTls(X509Certificate2 certificate) => new(async (stream, token) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready.\r\n"), token);
        var tag = (await ReadLineAsync(stream, token)).Split(' ')[0];
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{tag} OK Begin TLS negotiation now.\r\n"), token);
        await using var tls = new SslStream(stream);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, token);
        tag = (await ReadLineAsync(tls, token)).Split(' ')[0];
        await tls.WriteAsync(Encoding.ASCII.GetBytes($"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK Capability completed.\r\n"), token);
        await Task.Delay(Timeout.Infinite, token);
    });

    /// <summary>A plain-text IMAP server: greets at once, no TLS.</summary>
    public static LoopbackServer PlainText() => new(async (stream, token) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes("* OK [CAPABILITY IMAP4rev1 STARTTLS] plain ready.\r\n"), token);
        await Task.Delay(Timeout.Infinite, token);
    });

    /// <summary>
    /// A plain-text IMAP server that offers AUTH=PLAIN without any TLS and keeps every line it receives; it answers
    /// each command with NO, so a client that sends a password is caught doing so.
    /// </summary>
    public static LoopbackServer CleartextWithAuth(List<string> received) => new(async (stream, token) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] cleartext ready.\r\n"), token);
        while (!token.IsCancellationRequested)
        {
            var line = await ReadLineAsync(stream, token);
            if (line.Length == 0)
            {
                return;
            }

            lock (received)
            {
                received.Add(line);
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{line.Split(' ')[0]} NO not here.\r\n"), token);
        }
    });

    /// <summary>Accepts connections and never says a word.</summary>
    public static LoopbackServer Silent() => new(null);

    /// <summary>A port on which nothing listens.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    // Byte by byte, so nothing after the line (a TLS hello) is read into a buffer by mistake.
    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken token)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, token) == 1 && one[0] != '\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString().TrimEnd('\r');
    }

    private async Task ServeAsync(Func<Stream, CancellationToken, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _clients.Add(client);
            _ = Task.Run(async () =>
            {
                try
                {
                    await serve(client.GetStream(), _stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
                {
                    // The client under test hung up or refused us; that is what these servers are for.
                }
            });
        }
    }
}
