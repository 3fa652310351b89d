using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace HelpPortal.Web.Tests.Hosting;

/// <summary>
/// A client picks its own Host header: it must never come back in an absolute URL, where a shared cache would keep
/// it for everyone (the sitemap, canonical links, the Autodiscover URL Outlook follows with a password).
/// </summary>
public sealed class PublicAddressTests
{
    private const string Evil = "evil.example";

    /// <summary>Every response the portal writes absolute URLs into.</summary>
    public static TheoryData<string> UrlResponses() =>
    [
        "/sitemap.xml",
        "/robots.txt",
        "/en",
        "/en/categories/email",
        "/en/articles/troubleshooting-email",
        "/en/articles/set-up-outlook",
        "/autodiscover/autodiscover.json?email=anna@customer.test&protocol=AutodiscoverV1",
        "/autodiscover/autodiscover.json/v1.0/anna@customer.test?protocol=AutodiscoverV1",
        "POST /autodiscover/autodiscover.xml",
        "/mail/config-v1.1.xml",
        "/mail/profile.mobileconfig?email=anna@customer.test",
    ];

    [Theory]
    [MemberData(nameof(UrlResponses))]
    public async Task WithAPublicUrlEveryAbsoluteUrlUsesItWhateverTheHostHeaderSays(string target)
    {
        // AllowedHosts "*" on purpose: the public URL alone must keep the host out, even when host filtering is off.
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "*",
            ["Portal:PublicUrl"] = "https://help.example.net",
        });

        var body = await FetchWithHostAsync(factory, target, Evil);

        Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
        if (!target.Contains("mobileconfig", StringComparison.Ordinal) && !target.Contains("config-v1.1", StringComparison.Ordinal)
            && !target.StartsWith("POST", StringComparison.Ordinal))
        {
            Assert.Contains("help.example.net", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(UrlResponses))]
    public async Task WithoutAPublicUrlAHostThatAllowedHostsDoesNotNameIsNeverUsed(string target)
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "*" });

        var body = await FetchWithHostAsync(factory, target, Evil);

        Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheShippedConfigurationRefusesAForeignHost()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        request.Headers.Host = Evil;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Evil, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var shipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/HelpPortal.Web/appsettings.json")));
        Assert.NotEqual("*", shipped.RootElement.GetProperty("AllowedHosts").GetString());
    }

    [Fact]
    public async Task ThePublicHostIsAllowedWithoutListingItAgainAndUrlsAreCacheable()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://help.example.net" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        request.Headers.Host = "help.example.net";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<loc>https://help.example.net/en/articles/", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero, $"Cache-Control: {response.Headers.CacheControl}");
        foreach (var target in new[] { "/robots.txt", "/autodiscover/autodiscover.json?email=anna@customer.test&protocol=AutodiscoverV1" })
        {
            var other = await client.GetAsync(target);
            Assert.True(other.Headers.CacheControl?.MaxAge > TimeSpan.Zero, $"{target} Cache-Control: {other.Headers.CacheControl}");
        }
    }

    [Theory]
    [InlineData("help.example.net")]
    [InlineData("ftp://help.example.net")]
    [InlineData("https://help.example.net/portal")]
    [InlineData("https://help.example.net/?x=1")]
    public void AnUnusablePublicUrlStopsStartUpWithTheKey(string value)
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Portal:PublicUrl"] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Portal:PublicUrl", error.ToString());
    }

    [Fact]
    public void ProductionWithoutAPublicUrlStopsStartUpWithTheKey()
    {
        using var root = new PortalFactory();
        using var production = root.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Portal:PublicUrl", error.ToString());
    }

    private static async Task<string> FetchWithHostAsync(PortalFactory factory, string target, string host)
    {
        using var client = factory.CreateClient();
        var post = target.StartsWith("POST ", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, post ? target[5..] : target);
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Host", host);
        if (post)
        {
            request.Content = new StringContent(AutodiscoverBody, Encoding.UTF8, "text/xml");
        }
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{target}: {(int)response.StatusCode} {body}");
        return body + string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
    }

    private const string AutodiscoverBody = """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
          <Request>
            <EMailAddress>anna@customer.test</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """;
}
