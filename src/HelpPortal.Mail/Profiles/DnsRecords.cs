using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HelpPortal.Mail.Profiles;

/// <summary>One DNS record, its name relative to the customer's domain (zone-file style).</summary>
public sealed record DnsRecord(string Name, string Type, string Value);

/// <summary>
/// The records a customer's domain needs so mail programs find the settings by themselves: the autoconfig and
/// autodiscover host names pointing at the portal, and the RFC 6186 / RFC 8314 service records for IMAP and submission.
/// </summary>
public static class DnsRecords
{
    /// <param name="portalHost">The host name (or address) that serves this portal's autoconfig and autodiscover files.</param>
    public static IReadOnlyList<DnsRecord> For(MailServiceModel model, string portalHost)
    {
        var records = new List<DnsRecord>();
        if (IPAddress.TryParse(portalHost.Trim('[', ']'), out var address))
        {
            // A CNAME or SRV target must be a name; a portal reached by address can only be named with A/AAAA records.
            var type = address.AddressFamily == AddressFamily.InterNetworkV6 ? "AAAA" : "A";
            records.Add(new("autoconfig", type, address.ToString()));
            records.Add(new("autodiscover", type, address.ToString()));
        }
        else
        {
            var portal = Absolute(portalHost);
            records.Add(new("autoconfig", "CNAME", portal));
            records.Add(new("autodiscover", "CNAME", portal));
            records.Add(new("_autodiscover._tcp", "SRV", $"0 0 443 {portal}"));
        }
        // An SRV record names the service its port speaks: implicit TLS (imaps, submissions) or STARTTLS.
        records.Add(new(model.Incoming.Security == MailSecurity.StartTls ? "_imap._tcp" : "_imaps._tcp", "SRV", Service(model.Incoming)));
        records.Add(new(model.Outgoing.Security == MailSecurity.StartTls ? "_submission._tcp" : "_submissions._tcp", "SRV", Service(model.Outgoing)));
        return records;
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
