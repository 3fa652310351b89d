using System.Security.Cryptography.X509Certificates;

namespace HelpPortal.Mail;

/// <summary>One mail server as customers' programs must reach it.</summary>
public sealed record MailServer(string Host, int Port, MailSecurity Security);

/// <summary>Which of the two protocols a server speaks.</summary>
public enum MailProtocol
{
    Imap,
    Smtp,
}

/// <summary>The provider's hourly sending limits.</summary>
public sealed record SendingLimits(int MailboxPerHour, int DomainPerHour, int BlockMinutes);

/// <summary>
/// The one source of truth for the provider's mail settings: every article placeholder, widget,
/// tester run and client profile reads it.
/// </summary>
public sealed record MailServiceModel(string ProviderName, MailServer Incoming, MailServer Outgoing, SendingLimits Limits)
{
    /// <summary>Other host names of the configured servers that the tester may contact.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Whether the tester passes the visitor's address on to servers that advertise a way to take it.</summary>
    public bool ForwardClientAddress { get; init; } = true;

    /// <summary>The one extra CA trusted for the mail servers only, or null for system trust alone.</summary>
    public X509Certificate2? TrustedRoot { get; init; }

    /// <summary>What a customer's domain must publish to use the provider, and the resolver the domain check asks.</summary>
    public DomainCheck.DomainExpectations Dns { get; init; } = DomainCheck.DomainExpectations.Default;

    /// <summary>The ports a customer may ask the tester to try besides the configured ones.</summary>
    public static IReadOnlyList<int> StandardImapPorts { get; } = [993, 143];

    /// <summary>As <see cref="StandardImapPorts"/>, for sending.</summary>
    public static IReadOnlyList<int> StandardSmtpPorts { get; } = [465, 587];

    /// <summary>Builds the model from options that have passed <see cref="MailServiceOptionsValidator"/>.</summary>
    public static MailServiceModel FromOptions(MailServiceOptions options) =>
        new(options.ProviderName.Trim(), ToServer(options.Incoming), ToServer(options.Outgoing),
            new SendingLimits(options.Limits.MailboxPerHour, options.Limits.DomainPerHour, options.Limits.BlockMinutes))
        {
            Aliases = [.. options.Aliases.Select(alias => alias.Trim())],
            ForwardClientAddress = options.ForwardClientAddress,
            TrustedRoot = string.IsNullOrWhiteSpace(options.TrustedRootCertificatePath)
                ? null
                : X509Certificate2.CreateFromPem(File.ReadAllText(options.TrustedRootCertificatePath)),
            Dns = DomainCheck.DomainExpectations.FromOptions(options.Dns),
        };

    /// <summary>
    /// Whether the tester may contact <paramref name="server"/> for <paramref name="protocol"/>: the host is a
    /// configured server or alias, and the port is the configured one or a standard port of that protocol.
    /// </summary>
    public bool MayTest(MailServer server, MailProtocol protocol)
    {
        var host = NormalizeHost(server.Host);
        var hostKnown = host == NormalizeHost(Incoming.Host) || host == NormalizeHost(Outgoing.Host)
            || Aliases.Any(alias => NormalizeHost(alias) == host);
        var portKnown = protocol == MailProtocol.Imap
            ? server.Port == Incoming.Port || StandardImapPorts.Contains(server.Port)
            : server.Port == Outgoing.Port || StandardSmtpPorts.Contains(server.Port);
        return hostKnown && portKnown;
    }

    private static MailServer ToServer(MailServerOptions options) =>
        new(options.Host.Trim(), options.Port, MailServiceOptionsValidator.ParseSecurity(options.Security)!.Value);

    private static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>The placeholder that names the incoming (IMAP) server's host.</summary>
    public const string IncomingHostKey = "mail.incoming.host";

    /// <summary>The placeholder that names the incoming (IMAP) server's port.</summary>
    public const string IncomingPortKey = "mail.incoming.port";

    /// <summary>The placeholder that names the outgoing (SMTP) server's host.</summary>
    public const string OutgoingHostKey = "mail.outgoing.host";

    /// <summary>The placeholder that names the outgoing (SMTP) server's port.</summary>
    public const string OutgoingPortKey = "mail.outgoing.port";

    /// <summary>The values behind the <c>{{mail.*}}</c> placeholders that content/README.md lists for editors.</summary>
    public IReadOnlyDictionary<string, string> Placeholders() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [IncomingHostKey] = Incoming.Host,
        [IncomingPortKey] = Incoming.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["mail.incoming.security"] = SecurityLabel(Incoming.Security),
        [OutgoingHostKey] = Outgoing.Host,
        [OutgoingPortKey] = Outgoing.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["mail.outgoing.security"] = SecurityLabel(Outgoing.Security),
        ["mail.limits.mailboxPerHour"] = Limits.MailboxPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["mail.limits.domainPerHour"] = Limits.DomainPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["mail.limits.blockMinutes"] = Limits.BlockMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["mail.providerName"] = ProviderName,
    };

    /// <summary>The words mail programs use for a security mode.</summary>
    public static string SecurityLabel(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => "SSL/TLS",
        MailSecurity.StartTls => "STARTTLS",
        _ => security.ToString(),
    };
}
