using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// The visitor's address and port as the tester may pass them on to a mail server, and a session id that ties the
/// server's log lines to one test without naming the visitor. Only a plain IP address is ever sent: anything else a
/// request carries (a host name, an IPv6 zone id, a long string) leaves <see cref="Address"/> null.
/// </summary>
internal sealed class ForwardedClient
{
    // The longest textual IPv6 address with an embedded IPv4 part is 45 characters.
    private const int MaxAddressLength = 45;

    private ForwardedClient(bool enabled, IPAddress? address, int? port)
    {
        Enabled = enabled;
        Address = address;
        Port = port;
    }

    /// <summary>False when <c>MailService:ForwardClientAddress</c> is off: nothing about the visitor is sent.</summary>
    public bool Enabled { get; }

    /// <summary>The visitor's IP, or null when the request did not carry a usable one.</summary>
    public IPAddress? Address { get; }

    public int? Port { get; }

    /// <summary>Random per test; Dovecot logs it as <c>session=&lt;...&gt;</c>.</summary>
    public string SessionId { get; } = "hp" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static ForwardedClient From(bool enabled, string? address, int port) =>
        enabled ? new(true, ParseAddress(address), port is > 0 and <= 65535 ? port : null) : new(false, null, null);

    /// <summary>A plain IPv4 or IPv6 address (IPv4-mapped IPv6 as IPv4), or null for anything else.</summary>
    public static IPAddress? ParseAddress(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxAddressLength || text.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        // TryParse also takes forms no server expects ("1", "0x7f.1"); only the canonical spelling goes out.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var oddSpelling = address.AddressFamily == AddressFamily.InterNetwork
            && !string.Equals(address.ToString(), text, StringComparison.Ordinal)
            && !text.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase);
        var zoned = address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0;
        return oddSpelling || zoned || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            ? null
            : address;
    }

    /// <summary>The address in the form SMTP <c>XCLIENT</c> takes (RFC-style <c>IPV6:</c> prefix for IPv6).</summary>
    public string XclientAddress() => Address!.AddressFamily == AddressFamily.InterNetworkV6 ? "IPV6:" + Address : Address.ToString();

    public string PortText() => Port!.Value.ToString(CultureInfo.InvariantCulture);
}
