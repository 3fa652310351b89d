using System.Net;
using System.Net.Sockets;

namespace HelpPortal.Web.Tests;

/// <summary>
/// Clients that each connect from their own loopback address (127.0.0.2, 127.0.0.3, ...), so a real portal process
/// sees distinct visitors on distinct networks, as it would on the internet. Linux routes all of 127.0.0.0/8 to lo.
/// </summary>
public static class LoopbackVisitors
{
    public static IPAddress Address(int visitor) => new([127, 0, (byte)(visitor / 250), (byte)(2 + visitor % 250)]);

    public static HttpClient Browser(int visitor, CookieContainer cookies, Uri baseAddress, TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(Address(visitor), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
}
