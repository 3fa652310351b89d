using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.Tests.Profiles;

public sealed class DnsRecordsTests
{
    [Fact]
    public void ImplicitTlsServersGetImapsAndSubmissionsRecordsAndTheHostNamesPointAtThePortal()
    {
        var records = DnsRecords.For(ProfileFixture.Model, "help.provider.test");

        Assert.Equal(
            [
                new DnsRecord("autoconfig", "CNAME", "help.provider.test."),
                new DnsRecord("autodiscover", "CNAME", "help.provider.test."),
                new DnsRecord("_autodiscover._tcp", "SRV", "0 0 443 help.provider.test."),
                new DnsRecord("_imaps._tcp", "SRV", "0 1 993 imap.example.test."),
                new DnsRecord("_submissions._tcp", "SRV", "0 1 465 smtp.example.test."),
            ],
            records);
    }

    [Fact]
    public void StartTlsServersGetImapAndSubmissionRecords()
    {
        var records = DnsRecords.For(ProfileFixture.StartTlsModel, "help.provider.test");

        Assert.Contains(new DnsRecord("_imap._tcp", "SRV", "0 1 143 imap.example.test."), records);
        Assert.Contains(new DnsRecord("_submission._tcp", "SRV", "0 1 587 smtp.example.test."), records);
    }

    [Theory]
    [InlineData("192.0.2.10", "A", "192.0.2.10")]
    [InlineData("[2001:db8::10]", "AAAA", "2001:db8::10")]
    public void APortalReachedByAddressGetsAddressRecordsBecauseACnameCannotPointAtAnAddress(string host, string type, string value)
    {
        var records = DnsRecords.For(ProfileFixture.Model, host);

        Assert.Contains(new DnsRecord("autoconfig", type, value), records);
        Assert.Contains(new DnsRecord("autodiscover", type, value), records);
        Assert.DoesNotContain(records, r => r.Type == "CNAME" || r.Name == "_autodiscover._tcp");
        Assert.Contains(new DnsRecord("_imaps._tcp", "SRV", "0 1 993 imap.example.test."), records);
    }

    [Fact]
    public void ZoneTextHasOneAlignedLinePerRecord()
    {
        var text = DnsRecords.ToZoneText(DnsRecords.For(ProfileFixture.Model, "help.provider.test"));
        var lines = text.Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.Equal("autoconfig          IN  CNAME  help.provider.test.", lines[0]);
        Assert.Equal("_imaps._tcp         IN  SRV    0 1 993 imap.example.test.", lines[3]);
    }
}
