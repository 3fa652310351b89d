namespace HelpPortal.Mail;

/// <summary>One mail server as customers' programs must reach it.</summary>
public sealed record MailServer(string Host, int Port, MailSecurity Security);

/// <summary>The provider's hourly sending limits.</summary>
public sealed record SendingLimits(int MailboxPerHour, int DomainPerHour, int BlockMinutes);

/// <summary>
/// The one source of truth for the provider's mail settings: every article placeholder, widget,
/// tester run and client profile reads it.
/// </summary>
public sealed record MailServiceModel(string ProviderName, MailServer Incoming, MailServer Outgoing, SendingLimits Limits)
{
    /// <summary>The values behind the <c>{{mail.*}}</c> placeholders of CONTRACT.md section 3.</summary>
    public IReadOnlyDictionary<string, string> Placeholders() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mail.incoming.host"] = Incoming.Host,
        ["mail.incoming.port"] = Incoming.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["mail.incoming.security"] = SecurityLabel(Incoming.Security),
        ["mail.outgoing.host"] = Outgoing.Host,
        ["mail.outgoing.port"] = Outgoing.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
