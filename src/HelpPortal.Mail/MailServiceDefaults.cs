namespace HelpPortal.Mail;

/// <summary>The seed article's settings: the one place in the code where they are written.</summary>
public static class MailServiceDefaults
{
    public static MailServiceOptions Create() => new()
    {
        ProviderName = "Websupport",
        Incoming = new() { Host = "imap.websupport.se", Port = 993, Security = nameof(MailSecurity.SslOnConnect) },
        Outgoing = new() { Host = "smtp.websupport.se", Port = 465, Security = nameof(MailSecurity.SslOnConnect) },
        Limits = new() { MailboxPerHour = 300, DomainPerHour = 2000, BlockMinutes = 60 },
    };
}
