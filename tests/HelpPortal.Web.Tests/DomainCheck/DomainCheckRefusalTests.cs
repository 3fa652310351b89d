using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Parser;

namespace HelpPortal.Web.Tests.DomainCheck;

/// <summary>Input that cannot be a domain, and the per-client limit: both answered without asking DNS.</summary>
public sealed class DomainCheckRefusalTests
{
    public static TheoryData<string> BadInput() => new()
    {
        "a..b",
        "example.se.",
        "192.0.2.1",
        "localhost",
        "_dmarc.example.se",
        new string('a', 64) + ".se",
        string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".se",
        new string('a', 5_000),
        "exa\u0001mple.se",
        "",
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIs400InvalidInputWithAReasonAndNoLookup(string input)
    {
        using var resolver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var portal = new PortalFactory(SilentResolver(resolver));
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/en/domain-check?domain={Uri.EscapeDataString(input)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid-input", page.QuerySelector("[data-verdict]")!.GetAttribute("data-diagnosis"));
        var finding = page.QuerySelector("[data-finding][data-code=invalid-input]")!;
        Assert.StartsWith("That is not a domain we can check: ", finding.QuerySelector(".finding-words")!.TextContent);
        Assert.Equal(0, resolver.Available);
    }

    [Fact]
    public async Task AClientOverTheLimitGets429RateLimitedWithoutALookup()
    {
        using var resolver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var settings = SilentResolver(resolver);
        settings["DomainCheck:ChecksPerClientPerMinute"] = "2";
        using var portal = new PortalFactory(settings);
        using var client = portal.CreateClient();

        var first = await client.GetAsync("/en/domain-check?domain=a..b");
        var second = await client.GetAsync("/en/domain-check?domain=a..b");
        var third = await client.GetAsync("/en/domain-check?domain=example.se");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [first.StatusCode, second.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("60", third.Headers.RetryAfter!.ToString());
        var page = new HtmlParser().ParseDocument(await third.Content.ReadAsStringAsync());
        Assert.Equal("rate-limited", page.QuerySelector("[data-verdict]")!.GetAttribute("data-diagnosis"));
        Assert.NotNull(page.QuerySelector("[data-finding][data-code=rate-limited]"));
        Assert.Equal(0, resolver.Available);
        // The bare form is not a check and stays available.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/domain-check")).StatusCode);
    }

    [Fact]
    public async Task TheLimitMustBePositive()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["DomainCheck:ChecksPerClientPerMinute"] = "0" });

        var failure = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("DomainCheck:ChecksPerClientPerMinute", failure.ToString());
    }

    private static Dictionary<string, string?> SilentResolver(UdpClient resolver) => new()
    {
        ["MailService:Dns:Resolver"] = resolver.Client.LocalEndPoint!.ToString(),
    };
}
