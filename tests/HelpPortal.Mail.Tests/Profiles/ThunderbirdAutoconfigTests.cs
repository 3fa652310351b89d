using System.Xml.Linq;
using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

public sealed class ThunderbirdAutoconfigTests
{
    [Fact]
    public void TheFileMatchesTheGoldenFile()
    {
        Assert.Equal(ProfileFixture.Golden("config-v1.1.xml"), ThunderbirdAutoconfig.Generate(ProfileFixture.Model));
    }

    [Fact]
    public void TheFileDescribesOneProviderWithTheImapAndSmtpServers()
    {
        var root = ProfileFixture.ParseXml(ThunderbirdAutoconfig.Generate(ProfileFixture.Model)).Root!;

        Assert.Equal("clientConfig", root.Name.LocalName);
        Assert.Equal("1.1", (string?)root.Attribute("version"));
        var provider = Assert.Single(root.Elements("emailProvider"));
        Assert.Equal("Example Mail", (string?)provider.Element("displayName"));

        var incoming = Assert.Single(provider.Elements("incomingServer"));
        Assert.Equal("imap", (string?)incoming.Attribute("type"));
        AssertServer(incoming, "imap.example.test", "993", "SSL");

        var outgoing = Assert.Single(provider.Elements("outgoingServer"));
        Assert.Equal("smtp", (string?)outgoing.Attribute("type"));
        AssertServer(outgoing, "smtp.example.test", "465", "SSL");
    }

    [Fact]
    public void StartTlsServersAreDescribedAsStartTls()
    {
        var root = ProfileFixture.ParseXml(ThunderbirdAutoconfig.Generate(ProfileFixture.StartTlsModel)).Root!;
        var provider = root.Element("emailProvider")!;

        AssertServer(provider.Element("incomingServer")!, "imap.example.test", "143", "STARTTLS");
        AssertServer(provider.Element("outgoingServer")!, "smtp.example.test", "587", "STARTTLS");
    }

    private static void AssertServer(XElement server, string host, string port, string socketType)
    {
        Assert.Equal(host, (string?)server.Element("hostname"));
        Assert.Equal(port, (string?)server.Element("port"));
        Assert.Equal(socketType, (string?)server.Element("socketType"));
        Assert.Equal("password-cleartext", (string?)server.Element("authentication"));
        Assert.Equal("%EMAILADDRESS%", (string?)server.Element("username"));
    }
}
