using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>Proxies named by network, and the warning when forwarded headers come from nobody listed.</summary>
public sealed class ForwardedNetworksTests
{
    [Fact]
    public async Task ForwardedHeadersFromAProxyInAKnownNetworkAreHonoured()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16" });

        var inside = await SendAsync(factory, IPAddress.Parse("10.20.3.4"));
        var outside = await SendAsync(factory, IPAddress.Parse("10.21.3.4"));

        Assert.Contains("<loc>https://localhost/", inside);
        Assert.DoesNotContain("https://", outside);
    }

    [Fact]
    public void AKnownNetworkThatIsNotACidrRangeStopsStartUpWithTheKey()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/99" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks:0", error.ToString());
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUnlistedAddressAreReportedOnceAndNeverAgain()
    {
        var logs = new CapturingLoggerProvider();
        using var root = new PortalFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" });
        using var factory = root.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));

        await SendAsync(factory, IPAddress.Parse("192.0.2.10"));
        Assert.Empty(logs.Warnings("X-Forwarded-For"));
        for (var i = 0; i < 50; i++)
        {
            await SendAsync(factory, IPAddress.Parse("198.51.100.9"));
        }

        var warning = Assert.Single(logs.Warnings("X-Forwarded-For"));
        Assert.Contains("ForwardedHeaders:KnownProxies", warning);
        Assert.DoesNotContain("198.51.100.9", warning);
    }

    private static async Task<string> SendAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, IPAddress sender)
    {
        var context = await factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/sitemap.xml";
            http.Connection.RemoteIpAddress = sender;
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
