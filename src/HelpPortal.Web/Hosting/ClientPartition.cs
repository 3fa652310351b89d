using System.Net;
using System.Net.Sockets;

namespace HelpPortal.Web.Hosting;

/// <summary>The key every per-client limit counts under.</summary>
internal static class ClientPartition
{
    /// <summary>
    /// An IPv4 client is its address; an IPv6 client is its /64 network, because one customer line is usually given
    /// a whole /64 and could otherwise take a fresh quota with every address in it.
    /// </summary>
    public static string Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
