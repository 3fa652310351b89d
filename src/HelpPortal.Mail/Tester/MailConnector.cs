using System.Net;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// Opens the byte stream the MailKit clients talk over. The real one uses DNS, a socket and an SslStream the
/// tester controls; unit tests hand in replay streams of recorded server lines.
/// </summary>
internal interface IMailConnector
{
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);

    Task<IMailConnection> ConnectAsync(IReadOnlyList<IPAddress> addresses, int port, CancellationToken cancellationToken);
}

/// <summary>One open connection to a mail server.</summary>
internal interface IMailConnection : IAsyncDisposable
{
    /// <summary>The stream to give MailKit: plain until <see cref="StartImplicitTlsAsync"/> wraps it.</summary>
    Stream Stream { get; }

    /// <summary>True once TLS from the first byte is negotiated (STARTTLS is MailKit's and shows on its client).</summary>
    bool IsEncrypted { get; }

    /// <summary>TLS from the first byte (ports 993, 465). Throws <see cref="StepFailure"/> with a tls-* diagnosis.</summary>
    Task<TlsReport> StartImplicitTlsAsync(string host, CertificateInspector inspector, CancellationToken cancellationToken);

    /// <summary>Whether the server sends its greeting within <paramref name="wait"/>; nothing is consumed.</summary>
    Task<bool> ServerSpeaksFirstAsync(TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>After a silent server: whether the port answers a TLS hello (it expects implicit TLS).</summary>
    Task<bool> AnswersTlsHelloAsync(string host, CancellationToken cancellationToken);
}

internal sealed record TlsReport(System.Security.Authentication.SslProtocols Protocol, CertificateReport Certificate);
