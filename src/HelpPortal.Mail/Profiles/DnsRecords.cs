using System.Globalization;

namespace HelpPortal.Mail.Profiles;

/// <summary>One DNS record, its name relative to the customer's domain (zone-file style).</summary>
public sealed record DnsRecord(string Name, string Type, string Value);

/// <summary>
/// The records a customer's domain needs so mail programs find the settings by themselves: the autoconfig and
/// autodiscover host names pointing at the portal, and the RFC 6186 / RFC 8314 service records for IMAP and submission.
/// </summary>
public static class DnsRecords
{
    /// <param name="portalHost">The host name that serves this portal's autoconfig and autodiscover files.</param>
    public static IReadOnlyList<DnsRecord> For(MailServiceModel model, string portalHost)
    {
        var portal = Absolute(portalHost);
        return
        [
            new("autoconfig", "CNAME", portal),
            new("autodiscover", "CNAME", portal),
            new("_autodiscover._tcp", "SRV", $"0 0 443 {portal}"),
            // An SRV record names the service its port speaks: implicit TLS (imaps, submissions) or STARTTLS.
            new(model.Incoming.Security == MailSecurity.StartTls ? "_imap._tcp" : "_imaps._tcp", "SRV", Service(model.Incoming)),
            new(model.Outgoing.Security == MailSecurity.StartTls ? "_submission._tcp" : "_submissions._tcp", "SRV", Service(model.Outgoing)),
        ];
    }

    /// <summary>The records as lines for a zone file, aligned so they are easy to read and copy.</summary>
    public static string ToZoneText(IReadOnlyList<DnsRecord> records)
    {
        var nameWidth = records.Max(r => r.Name.Length);
        var typeWidth = records.Max(r => r.Type.Length);
        return string.Join('\n', records.Select(r => $"{r.Name.PadRight(nameWidth)}  IN  {r.Type.PadRight(typeWidth)}  {r.Value}"));
    }

    private static string Service(MailServer server) =>
        $"0 1 {server.Port.ToString(CultureInfo.InvariantCulture)} {Absolute(server.Host)}";

    private static string Absolute(string host) => host.EndsWith('.') ? host : host + ".";
}
