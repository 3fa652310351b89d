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

    /// <summary>A plain-text IMAP server: greets at once, no TLS.</summary>
    public static LoopbackServer PlainText() => new(async (stream, token) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes("* OK [CAPABILITY IMAP4rev1 STARTTLS] plain ready.\r\n"), token);
        await Task.Delay(Timeout.Infinite, token);
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
