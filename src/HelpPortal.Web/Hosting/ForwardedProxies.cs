using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>-Proto</c> count only when they come from a proxy listed in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); with
/// neither they are ignored, so a client cannot pick its own address to slip past the per-client limits.
/// </summary>
internal static class ForwardedProxies
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration) =>
        ReadList(configuration, KnownProxiesKey, "an IP address", (string text, out IPAddress value) => IPAddress.TryParse(text, out value!));

    public static IReadOnlyList<IPNetwork> ReadNetworks(IConfiguration configuration) =>
        ReadList(configuration, KnownNetworksKey, "a CIDR range such as 10.0.0.0/8", (string text, out IPNetwork value) => IPNetwork.TryParse(text, out value));

    private delegate bool Parser<T>(string text, out T value);

    private static List<T> ReadList<T>(IConfiguration configuration, string key, string what, Parser<T> parse)
    {
        var items = new List<T>();
        foreach (var entry in configuration.GetSection(key).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                continue;
            }
            items.Add(parse(entry.Value.Trim(), out var item)
                ? item
                : throw new InvalidOperationException($"{key}:{entry.Key} must be {what}, not '{entry.Value}'."));
        }
        return items;
    }

    /// <summary>Call first in the pipeline, so everything after it sees the real client.</summary>
    public static IApplicationBuilder UseForwardedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = Read(configuration);
        var networks = ReadNetworks(configuration);
        var warning = new UnlistedProxyWarning(
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwardedProxies)), proxies, networks);
        app.Use((context, next) =>
        {
            warning.Check(context);
            return next(context);
        });
        if (proxies.Count == 0 && networks.Count == 0)
        {
            // The middleware trusts every sender when both of its lists are empty, so leave it out entirely.
            return app;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // The defaults trust loopback; only the configured lists count.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }
        return app.UseForwardedHeaders(options);
    }
}

/// <summary>
/// Says once, in the log, that forwarded headers arrive from an address nobody listed: behind an unnamed proxy every
/// visitor shares the proxy's limit bucket and HTTPS is not seen (no HSTS). Once per process, so a client sending the
/// header on every request cannot flood the log.
/// </summary>
internal sealed class UnlistedProxyWarning(ILogger logger, IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks)
{
    private int _warned;

    public void Check(HttpContext context)
    {
        if (Volatile.Read(ref _warned) != 0 || !context.Request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return;
        }
        var sender = context.Connection.RemoteIpAddress;
        if (sender is not null && sender.IsIPv4MappedToIPv6)
        {
            sender = sender.MapToIPv4();
        }
        if (sender is not null && (proxies.Contains(sender) || networks.Any(n => n.Contains(sender))))
        {
            return;
        }
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning(
                // No address in the log (the README promises none): the operator knows where their proxy is.
                "A request carried X-Forwarded-For from an address that is not in {KnownProxies} or {KnownNetworks}, so the header was ignored. " +
                "If the portal is behind a proxy, list it there, or every visitor shares one limit bucket and HTTPS goes unseen. Said once.",
                ForwardedProxies.KnownProxiesKey, ForwardedProxies.KnownNetworksKey);
        }
    }
}
