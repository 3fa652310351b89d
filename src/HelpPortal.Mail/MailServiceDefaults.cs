namespace HelpPortal.Mail;

/// <summary>The seed article's settings: the one place in the code where they are written.</summary>
public static class MailServiceDefaults
{
    /// <summary>The provider's MX servers: a customer's domain points its MX records here to receive mail with us.</summary>
    public static IReadOnlyList<string> MxHosts { get; } = ["mx1.websupport.se", "mx2.websupport.se"];

    /// <summary>The SPF record that lists the provider's outgoing servers; customers' SPF includes it.</summary>
    public const string SpfInclude = "spf.websupport.se";

    /// <summary>The selector the provider signs outgoing mail with (the key lives at <c>websupport._domainkey</c>).</summary>
    public static IReadOnlyList<string> DkimSelectors { get; } = ["websupport"];

    public static MailServiceOptions Create() => new()
    {
        ProviderName = "Websupport",
        Incoming = new() { Host = "imap.websupport.se", Port = 993, Security = nameof(MailSecurity.SslOnConnect) },
        Outgoing = new() { Host = "smtp.websupport.se", Port = 465, Security = nameof(MailSecurity.SslOnConnect) },
        Limits = new() { MailboxPerHour = 300, DomainPerHour = 2000, BlockMinutes = 60 },
        Dns = new() { MxHosts = [.. MxHosts], SpfInclude = SpfInclude, DkimSelectors = [.. DkimSelectors] },
    };

    /// <summary>Fills the <c>MailService:Dns</c> values that configuration left empty with the provider's.</summary>
    public static void FillDnsDefaults(DnsOptions dns)
    {
        if (dns.MxHosts is null or [])
        {
            dns.MxHosts = [.. MxHosts];
        }
        if (string.IsNullOrWhiteSpace(dns.SpfInclude))
        {
            dns.SpfInclude = SpfInclude;
        }
        if (dns.DkimSelectors is null or [])
        {
            dns.DkimSelectors = [.. DkimSelectors];
        }
    }
}
