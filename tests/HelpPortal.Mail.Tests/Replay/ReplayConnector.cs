using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using HelpPortal.Mail.Tester;

namespace HelpPortal.Mail.Tests.Replay;

/// <summary>
/// Hands the tester replay streams instead of sockets: one transcript per port. Resolution, refusal and the
/// TLS outcome are set per test; the real DNS, socket and TLS code is tested against loopback elsewhere.
/// </summary>
internal sealed class ReplayConnector : IMailConnector
{
    private readonly Dictionary<int, Func<ReplayStream>> _servers = [];

    public List<string> Resolved { get; } = [];
    public List<ReplayStream> Streams { get; } = [];
    public HashSet<string> UnknownHosts { get; } = [];
    public HashSet<int> RefusedPorts { get; } = [];
    public Dictionary<int, StepFailure> TlsFailures { get; } = [];
    public bool SilentPortsAnswerTls { get; set; }

    public ReplayConnector Serve(int port, string resource)
    {
        _servers[port] = () => ReplayStream.FromResource(resource);
        return this;
    }

    /// <summary>Serves one transcript per connection to the port, in order.</summary>
    public ReplayConnector ServeInTurn(int port, params string[] resources)
    {
        var next = 0;
        _servers[port] = () => ReplayStream.FromResource(resources[Math.Min(next++, resources.Length - 1)]);
        return this;
    }

    /// <summary>Serves a transcript whose <c>{name}</c> marks are filled in by the test.</summary>
    public ReplayConnector Serve(int port, string resource, params (string Name, string Value)[] fill)
    {
        _servers[port] = () => new ReplayStream(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Resources", resource))
            .Select(line => fill.Aggregate(line, (text, mark) => text.Replace($"{{{mark.Name}}}", mark.Value, StringComparison.Ordinal))));
        return this;
    }

    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Resolved.Add(host);
        return UnknownHosts.Contains(host)
            ? Task.FromException<IReadOnlyList<IPAddress>>(new SocketException((int)SocketError.HostNotFound))
            : Task.FromResult<IReadOnlyList<IPAddress>>([IPAddress.Loopback]);
    }

    public Task<IMailConnection> ConnectAsync(IReadOnlyList<IPAddress> addresses, int port, CancellationToken cancellationToken)
    {
        if (RefusedPorts.Contains(port) || !_servers.TryGetValue(port, out var server))
        {
            return Task.FromException<IMailConnection>(new SocketException((int)SocketError.ConnectionRefused));
        }

        var stream = server();
        Streams.Add(stream);
        return Task.FromResult<IMailConnection>(new ReplayConnection(stream, this, port));
    }

    private sealed class ReplayConnection(ReplayStream stream, ReplayConnector owner, int port) : IMailConnection
    {
        public Stream Stream => stream;

        // A replay stands in for TLS: once the implicit handshake "succeeded", the connection counts as encrypted.
        public bool IsEncrypted { get; private set; }

        public Task<TlsReport> StartImplicitTlsAsync(string host, CertificateInspector inspector, CancellationToken cancellationToken)
        {
            if (owner.TlsFailures.TryGetValue(port, out var failure))
            {
                return Task.FromException<TlsReport>(failure);
            }

            IsEncrypted = true;
            return Task.FromResult(new TlsReport(SslProtocols.Tls13,
                new CertificateReport(null, $"CN={host}", "CN=Replay CA", DateTimeOffset.UtcNow.AddYears(1), "")));
        }

        public async Task<bool> ServerSpeaksFirstAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            if (!stream.StartsSilent)
            {
                return true;
            }

            await Task.Delay(wait, cancellationToken);
            return false;
        }

        public Task<bool> AnswersTlsHelloAsync(string host, CancellationToken cancellationToken) =>
            Task.FromResult(owner.SilentPortsAnswerTls);

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
