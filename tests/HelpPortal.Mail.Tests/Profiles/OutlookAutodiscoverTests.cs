using System.Xml.Linq;
using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

public sealed class OutlookAutodiscoverTests
{
    private static readonly XNamespace Outlook = OutlookAutodiscover.OutlookResponseSchema;

    [Fact]
    public void TheResponseMatchesTheGoldenFile()
    {
        Assert.Equal(ProfileFixture.Golden("autodiscover.xml"), OutlookAutodiscover.Generate(ProfileFixture.Model, "anna@customer.test"));
    }

    [Fact]
    public void TheResponseHoldsAnImapAndAnSmtpProtocolForTheAddress()
    {
        var document = ProfileFixture.ParseXml(OutlookAutodiscover.Generate(ProfileFixture.Model, "anna@customer.test"));

        Assert.Equal(XName.Get("Autodiscover", OutlookAutodiscover.ResponseNamespace), document.Root!.Name);
        var account = document.Root.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        Assert.Equal("email", (string?)account.Element(Outlook + "AccountType"));
        Assert.Equal("settings", (string?)account.Element(Outlook + "Action"));

        var protocols = account.Elements(Outlook + "Protocol").ToList();
        Assert.Equal(["IMAP", "SMTP"], protocols.Select(p => (string?)p.Element(Outlook + "Type")));
        AssertProtocol(protocols[0], "imap.example.test", "993", "SSL");
        AssertProtocol(protocols[1], "smtp.example.test", "465", "SSL");
    }

    [Fact]
    public void StartTlsServersAskForTlsEncryption()
    {
        var document = ProfileFixture.ParseXml(OutlookAutodiscover.Generate(ProfileFixture.StartTlsModel, "anna@customer.test"));
        var protocols = document.Descendants(Outlook + "Protocol").ToList();

        AssertProtocol(protocols[0], "imap.example.test", "143", "TLS");
        AssertProtocol(protocols[1], "smtp.example.test", "587", "TLS");
    }

    private static void AssertProtocol(XElement protocol, string server, string port, string encryption)
    {
        Assert.Equal(server, (string?)protocol.Element(Outlook + "Server"));
        Assert.Equal(port, (string?)protocol.Element(Outlook + "Port"));
        Assert.Equal("anna@customer.test", (string?)protocol.Element(Outlook + "LoginName"));
        Assert.Equal("off", (string?)protocol.Element(Outlook + "SPA"));
        Assert.Equal("on", (string?)protocol.Element(Outlook + "SSL"));
        Assert.Equal(encryption, (string?)protocol.Element(Outlook + "Encryption"));
        Assert.Equal("on", (string?)protocol.Element(Outlook + "AuthRequired"));
    }
}
