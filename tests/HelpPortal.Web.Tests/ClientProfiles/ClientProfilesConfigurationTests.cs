using System.Xml.Linq;
using HelpPortal.Mail.Profiles;

namespace HelpPortal.Web.Tests.ClientProfiles;

/// <summary>Configuration, not code, decides what the profiles say.</summary>
public sealed class ClientProfilesConfigurationTests
{
    [Fact]
    public async Task AChangedPortAndSecurityReachAllThreeFormats()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["MailService:Incoming:Host"] = "mail.changed.test",
            ["MailService:Incoming:Port"] = "10143",
            ["MailService:Incoming:Security"] = "StartTls",
            ["MailService:Outgoing:Port"] = "10587",
            ["MailService:Outgoing:Security"] = "StartTls",
        });
        using var client = factory.CreateClient();

        var autoconfig = XDocument.Parse(await client.GetStringAsync("/mail/config-v1.1.xml")).Root!.Element("emailProvider")!;
        Assert.Equal("mail.changed.test", autoconfig.Element("incomingServer")!.Element("hostname")!.Value);
        Assert.Equal("10143", autoconfig.Element("incomingServer")!.Element("port")!.Value);
        Assert.Equal("STARTTLS", autoconfig.Element("incomingServer")!.Element("socketType")!.Value);
        Assert.Equal("10587", autoconfig.Element("outgoingServer")!.Element("port")!.Value);
        Assert.Equal("STARTTLS", autoconfig.Element("outgoingServer")!.Element("socketType")!.Value);

        var request = new StringContent(
            "<Autodiscover><Request><EMailAddress>anna@customer.test</EMailAddress></Request></Autodiscover>",
            System.Text.Encoding.UTF8,
            "text/xml");
        var response = await client.PostAsync("/autodiscover/autodiscover.xml", request);
        XNamespace ns = OutlookAutodiscover.OutlookResponseSchema;
        var protocols = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(ns + "Protocol").ToList();
        Assert.Equal(["mail.changed.test", "10143", "TLS"], Fields(protocols[0], ns));
        Assert.Equal("10587", protocols[1].Element(ns + "Port")!.Value);
        Assert.Equal("TLS", protocols[1].Element(ns + "Encryption")!.Value);

        var profile = await client.GetStringAsync("/mail/profile.mobileconfig?email=anna%40customer.test");
        Assert.Contains("<key>IncomingMailServerHostName</key>\n        <string>mail.changed.test</string>", profile);
        Assert.Contains("<key>IncomingMailServerPortNumber</key>\n        <integer>10143</integer>", profile);
        Assert.Contains("<key>OutgoingMailServerPortNumber</key>\n        <integer>10587</integer>", profile);
    }

    private static string[] Fields(XElement protocol, XNamespace ns) =>
        [protocol.Element(ns + "Server")!.Value, protocol.Element(ns + "Port")!.Value, protocol.Element(ns + "Encryption")!.Value];
}
