using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using HelpPortal.Mail;
using HelpPortal.Mail.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Web.Tests.ClientProfiles;

/// <summary>The portal's profile endpoints over HTTP, with the configured (default) mail model.</summary>
public sealed class ClientProfilesEndpointTests(ClientProfilesEndpointTests.Portal portal) : IClassFixture<ClientProfilesEndpointTests.Portal>
{
    private static readonly XNamespace Outlook = OutlookAutodiscover.OutlookResponseSchema;

    private const string AutodiscoverRequestBody = """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
          <Request>
            <EMailAddress>anna@customer.test</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """;

    /// <summary>One portal for the class; its rate limit is raised so only the limit test meets it.</summary>
    public sealed class Portal() : IDisposable
    {
        public PortalFactory Factory { get; } = new(new Dictionary<string, string?> { ["ClientProfiles:RequestsPerClientPerMinute"] = "10000" });
        public MailServiceModel Model => Factory.Services.GetRequiredService<MailServiceModel>();
        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => portal.Factory.CreateClient();

    [Theory]
    [InlineData("/.well-known/autoconfig/mail/config-v1.1.xml")]
    [InlineData("/mail/config-v1.1.xml")]
    [InlineData("/mail/config-v1.1.xml?emailaddress=anna%40customer.test")]
    public async Task AutoconfigAnswersWithTheConfiguredServers(string url)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var provider = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("emailProvider")!;
        Assert.Equal(portal.Model.Incoming.Host, provider.Element("incomingServer")!.Element("hostname")!.Value);
        Assert.Equal(portal.Model.Outgoing.Host, provider.Element("outgoingServer")!.Element("hostname")!.Value);
    }

    [Fact]
    public async Task AutoconfigGivesEveryAddressTheSameAnswer()
    {
        var client = Client;
        var anna = await client.GetStringAsync("/mail/config-v1.1.xml?emailaddress=anna%40customer.test");
        var nobody = await client.GetStringAsync("/mail/config-v1.1.xml?emailaddress=nobody%40elsewhere.test");
        var garbage = await client.GetStringAsync("/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=%3Cscript%3E");

        Assert.Equal(anna, nobody);
        Assert.Equal(anna, garbage);
    }

    [Theory]
    [InlineData("/autodiscover/autodiscover.xml")]
    [InlineData("/Autodiscover/Autodiscover.xml")]
    public async Task AutodiscoverAnswersForTheAddressInTheRequest(string url)
    {
        var response = await Client.PostAsync(url, Xml(AutodiscoverRequestBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var protocols = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Outlook + "Protocol").ToList();
        Assert.Equal(2, protocols.Count);
        Assert.All(protocols, p => Assert.Equal("anna@customer.test", p.Element(Outlook + "LoginName")!.Value));
        Assert.Equal(portal.Model.Incoming.Host, protocols[0].Element(Outlook + "Server")!.Value);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;&x;&x;">]><Autodiscover><Request><EMailAddress>&y;@a.test</EMailAddress></Request></Autodiscover>""", "DTD")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Autodiscover><Request><EMailAddress>&xxe;</EMailAddress></Request></Autodiscover>""", "DTD")]
    [InlineData("<Autodiscover><Request><EMailAddress>&xxe;</EMailAddress></Request></Autodiscover>", "not well-formed")]
    [InlineData("<Autodiscover><Request>", "not well-formed")]
    [InlineData("<Autodiscover><Request /></Autodiscover>", "no EMailAddress")]
    [InlineData("<Autodiscover><Request><EMailAddress>anna@@customer</EMailAddress></Request></Autodiscover>", "EMailAddress:")]
    [InlineData("", "empty")]
    public async Task AHostileOrBrokenAutodiscoverRequestGetsA400WithTheReason(string body, string reason)
    {
        var response = await Client.PostAsync("/autodiscover/autodiscover.xml", Xml(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, text);
        Assert.DoesNotContain("root:", text);
    }

    [Fact]
    public async Task AMegabyteAutodiscoverBodyGetsA413()
    {
        var body = "<Autodiscover>" + new string(' ', 1024 * 1024) + "</Autodiscover>";

        var response = await Client.PostAsync("/autodiscover/autodiscover.xml", Xml(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // Refused by the portal-wide ceiling before the endpoint's own 64 KB check: either way, a reason in KB.
        Assert.Contains("KB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMegabyteAutodiscoverBodyWithoutALengthGetsA413Too()
    {
        var content = new UnknownLengthContent(new byte[1024 * 1024]);
        content.Headers.ContentType = new("text/xml");

        var response = await Client.PostAsync("/autodiscover/autodiscover.xml", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AnAutodiscoverRequestThatIsNotXmlGetsA415WithTheReason(string contentType)
    {
        var response = await Client.PostAsync("/autodiscover/autodiscover.xml", new StringContent(AutodiscoverRequestBody, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/xml", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/autodiscover/autodiscover.json?Email=anna%40customer.test&Protocol=AutodiscoverV1")]
    [InlineData("/autodiscover/autodiscover.json/v1.0/anna%40customer.test?Protocol=AutodiscoverV1")]
    public async Task TheJsonEndpointPointsAtTheXmlEndpoint(string url)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonAnswer>();
        Assert.Equal("AutodiscoverV1", answer!.Protocol);
        Assert.Equal("http://localhost/autodiscover/autodiscover.xml", answer.Url);
    }

    [Theory]
    [InlineData("/autodiscover/autodiscover.json?Protocol=AutodiscoverV1", "Email")]
    [InlineData("/autodiscover/autodiscover.json?Email=anna&Protocol=AutodiscoverV1", "Email")]
    [InlineData("/autodiscover/autodiscover.json?Email=anna%40customer.test&Protocol=Rest", "AutodiscoverV1")]
    [InlineData("/autodiscover/autodiscover.json?Email=anna%40customer.test", "AutodiscoverV1")]
    public async Task TheJsonEndpointRefusesBadQueriesWithAReason(string url, string reason)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAppleProfileIsAnAttachmentForTheAddress()
    {
        var response = await Client.GetAsync("/mail/profile.mobileconfig?email=anna%40customer.test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AppleMobileConfig.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".mobileconfig", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<string>com.apple.mail.managed</string>", body);
        Assert.Contains("<string>anna@customer.test</string>", body);
        Assert.Contains($"<string>{portal.Model.Incoming.Host}</string>", body);
    }

    [Theory]
    [InlineData("/mail/profile.mobileconfig", "No email address")]
    [InlineData("/mail/profile.mobileconfig?email=", "No email address")]
    [InlineData("/mail/profile.mobileconfig?email=anna", "name@example.com")]
    [InlineData("/mail/profile.mobileconfig?email=anna%40customer.test%0d%0aX-Evil:%201", "characters")]
    [InlineData("/mail/profile.mobileconfig?email=%3Canna%40customer.test%3E", "characters")]
    public async Task TheAppleProfileNeedsAValidAddress(string url, string reason)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Xml(string body) => new(body, Encoding.UTF8, "text/xml");

    private sealed record JsonAnswer(string Protocol, string Url);

    /// <summary>A body sent chunked, so the server cannot refuse it by its Content-Length.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
