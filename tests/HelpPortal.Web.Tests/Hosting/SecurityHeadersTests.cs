using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace HelpPortal.Web.Tests.Hosting;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/en/")]
    [InlineData("/not-found")]
    [InlineData("/sitemap.xml")]
    [InlineData("/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=anna%40example.com")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task ThePageScriptPolicyAllowsOnlyTheImportMapByItsHash()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/en/");
        var html = await response.Content.ReadAsStringAsync();

        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        var importMap = Assert.Single(inline, body => body.Trim().Length > 0);
        Assert.Contains("\"imports\"", importMap);
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));
        var scriptSrc = Header(response, "Content-Security-Policy").Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal($"script-src 'self' '{hash}'", scriptSrc.Trim());
        Assert.DoesNotContain(" style=\"", html);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUnknownProxyAreIgnored()
    {
        using var factory = new PortalFactory();

        var sitemap = await SitemapThroughProxyAsync(factory, IPAddress.Parse("192.0.2.10"));

        Assert.Contains("<loc>http://localhost/", sitemap);
        Assert.DoesNotContain("https://", sitemap);
    }

    [Fact]
    public async Task ForwardedHeadersFromAConfiguredProxyAreHonoured()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" });

        var fromProxy = await SitemapThroughProxyAsync(factory, IPAddress.Parse("192.0.2.10"));
        var fromElsewhere = await SitemapThroughProxyAsync(factory, IPAddress.Parse("192.0.2.99"));

        Assert.Contains("<loc>https://localhost/", fromProxy);
        Assert.DoesNotContain("https://", fromElsewhere);
    }

    [Fact]
    public void AKnownProxyThatIsNotAnAddressStopsStartUpWithTheKey()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "proxy.example" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownProxies:0", error.ToString());
    }

    private static async Task<string> SitemapThroughProxyAsync(PortalFactory factory, IPAddress sender)
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

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
