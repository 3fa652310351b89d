using System.Globalization;
using System.Net;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>
/// Reads <c>MailService:Dns:Resolver</c>: <c>address[:port]</c>, an IPv4 address or an IPv6 address in brackets when a
/// port follows (<c>[::1]:53</c>). Only addresses: a resolver named by a host name would need a resolver to find it.
/// </summary>
public static class ResolverAddress
{
    public const int DnsPort = 53;

    /// <summary>The resolver's end point, or null when <paramref name="text"/> is not <c>address[:port]</c>.</summary>
    public static IPEndPoint? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IPAddress.TryParse(text, out var bare) && !text.Contains('[', StringComparison.Ordinal))
        {
            // A bare IPv6 address has colons of its own, so it never carries a port.
            return text.Contains('%', StringComparison.Ordinal) ? null : new IPEndPoint(bare, DnsPort);
        }

        if (!IPEndPoint.TryParse(text, out var endPoint) || text.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        // IPEndPoint.TryParse accepts "1.2.3.4:" style oddities and a missing port; require what the key documents.
        var portText = text[(text.LastIndexOf(':') + 1)..];
        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? new IPEndPoint(endPoint.Address, port)
            : null;
    }
}
