using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>-Proto</c> count only when they come from a proxy listed in
/// <c>ForwardedHeaders:KnownProxies</c>; with none listed they are ignored, so a client cannot pick its own
/// address to slip past the per-client limits.
/// </summary>
internal static class ForwardedProxies
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var entry in configuration.GetSection(KnownProxiesKey).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                continue;
            }
            proxies.Add(IPAddress.TryParse(entry.Value.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey}:{entry.Key} must be an IP address, not '{entry.Value}'."));
        }
        return proxies;
    }

    /// <summary>Call first in the pipeline, so everything after it sees the real client.</summary>
    public static IApplicationBuilder UseForwardedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = Read(configuration);
        if (proxies.Count == 0)
        {
            // The middleware trusts every sender when both of its lists are empty, so leave it out entirely.
            return app;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // The defaults trust loopback; only the configured list counts.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        return app.UseForwardedHeaders(options);
    }
}
