using System.Xml.Linq;
using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

/// <summary>The three formats read the one model, so a changed port or security mode reaches all of them.</summary>
public sealed class ModelChangeTests
{
    private static readonly MailServiceModel Changed = ProfileFixture.Model with
    {
        Incoming = new MailServer("mail.other.test", 10143, MailSecurity.StartTls),
        Outgoing = new MailServer("relay.other.test", 10587, MailSecurity.StartTls),
    };

    [Fact]
    public void AutoconfigFollowsTheChangedModel()
    {
        var provider = XDocument.Parse(ThunderbirdAutoconfig.Generate(Changed)).Root!.Element("emailProvider")!;

        Assert.Equal(["mail.other.test", "10143", "STARTTLS"], Server(provider.Element("incomingServer")!));
        Assert.Equal(["relay.other.test", "10587", "STARTTLS"], Server(provider.Element("outgoingServer")!));

        static string[] Server(XElement s) => [s.Element("hostname")!.Value, s.Element("port")!.Value, s.Element("socketType")!.Value];
    }

    [Fact]
    public void AutodiscoverFollowsTheChangedModel()
    {
        XNamespace ns = OutlookAutodiscover.OutlookResponseSchema;
        var protocols = XDocument.Parse(OutlookAutodiscover.Generate(Changed, "anna@customer.test")).Descendants(ns + "Protocol")
            .Select(p => new[] { p.Element(ns + "Server")!.Value, p.Element(ns + "Port")!.Value, p.Element(ns + "Encryption")!.Value })
            .ToList();

        Assert.Equal(["mail.other.test", "10143", "TLS"], protocols[0]);
        Assert.Equal(["relay.other.test", "10587", "TLS"], protocols[1]);
    }

    [Fact]
    public void TheAppleProfileFollowsTheChangedModel()
    {
        var profile = (Dictionary<string, object>)ProfileFixture.ParsePlist(AppleMobileConfig.Generate(Changed, "anna@customer.test"));
        var account = (Dictionary<string, object>)((List<object>)profile["PayloadContent"])[0];

        Assert.Equal("mail.other.test", account["IncomingMailServerHostName"]);
        Assert.Equal(10143, account["IncomingMailServerPortNumber"]);
        Assert.Equal("relay.other.test", account["OutgoingMailServerHostName"]);
        Assert.Equal(10587, account["OutgoingMailServerPortNumber"]);
    }

    [Fact]
    public void DnsRecordsFollowTheChangedModel()
    {
        var records = DnsRecords.For(Changed, "help.provider.test");

        Assert.Contains(new DnsRecord("_imap._tcp", "SRV", "0 1 10143 mail.other.test."), records);
        Assert.Contains(new DnsRecord("_submission._tcp", "SRV", "0 1 10587 relay.other.test."), records);
        Assert.DoesNotContain(records, r => r.Name is "_imaps._tcp" or "_submissions._tcp");
    }
}
