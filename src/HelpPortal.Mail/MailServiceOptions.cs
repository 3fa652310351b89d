namespace HelpPortal.Mail;

/// <summary>How a mail server expects TLS: from the first byte, or upgraded with STARTTLS.</summary>
public enum MailSecurity
{
    SslOnConnect,
    StartTls,
}

/// <summary>The <c>MailService</c> configuration section (the keys are listed in README.md, "Configuration").</summary>
public sealed class MailServiceOptions
{
    public const string SectionName = "MailService";

    public string ProviderName { get; set; } = "";
    public MailServerOptions Incoming { get; set; } = new();
    public MailServerOptions Outgoing { get; set; } = new();
    public SendingLimitOptions Limits { get; set; } = new();
    /// <summary>An extra CA (PEM) trusted for the mail servers only.</summary>
    public string? TrustedRootCertificatePath { get; set; }
    /// <summary>
    /// Other names of the configured servers that customers may type in the tester's advanced part
    /// (for example an old host name that still points at the same machines). Only these and the
    /// configured hosts are ever contacted.
    /// </summary>
    public string[] Aliases { get; set; } = [];
    /// <summary>
    /// Whether the tester tells the servers the visitor's address (IMAP <c>ID</c> x-originating-ip, SMTP
    /// <c>XCLIENT</c>) where they advertise it, so their penalties, limits and logs see the visitor, not the portal.
    /// </summary>
    public bool ForwardClientAddress { get; set; } = true;

    /// <summary>What a customer's domain must publish to use the provider, and the resolver the domain check asks.</summary>
    public DnsOptions Dns { get; set; } = new();
}

/// <summary>
/// The <c>MailService:Dns</c> section. Empty lists and values take the provider's defaults from
/// <see cref="MailServiceDefaults"/>: configuration binding appends to arrays, so the defaults are filled in after binding.
/// </summary>
public sealed class DnsOptions
{
    /// <summary>Host names of the provider's MX servers, most preferred first.</summary>
    public string[] MxHosts { get; set; } = [];
    /// <summary>The name a customer's SPF record must <c>include:</c> (the provider's outgoing servers).</summary>
    public string SpfInclude { get; set; } = "";
    /// <summary>The DKIM selectors the provider signs with; a key at any one of them is enough.</summary>
    public string[] DkimSelectors { get; set; } = [];
    /// <summary><c>address[:port]</c> of the resolver the domain check asks; empty = the system's resolvers.</summary>
    public string? Resolver { get; set; }
}

public sealed class MailServerOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public string Security { get; set; } = "";
}

public sealed class SendingLimitOptions
{
    public int MailboxPerHour { get; set; }
    public int DomainPerHour { get; set; }
    public int BlockMinutes { get; set; }
}
