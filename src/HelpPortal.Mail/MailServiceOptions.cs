namespace HelpPortal.Mail;

/// <summary>How a mail server expects TLS: from the first byte, or upgraded with STARTTLS.</summary>
public enum MailSecurity
{
    SslOnConnect,
    StartTls,
}

/// <summary>The <c>MailService</c> configuration section (CONTRACT.md section 2).</summary>
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
