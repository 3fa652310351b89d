using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

/// <summary>DMARC and DKIM records as receivers read them.</summary>
public sealed class RecordSyntaxTests
{
    private const string Rsa2048 = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArxcK0g9h263H8vs7uAe+2vdFW1PSyOrCxPatZmbwyNDRvi5h02j7yEHzcGIKQmfYq4YE70sFaJeTP8c4UsJ8/OlrvlV18fBaqB2oYWHWbUdat2QCHIJMoJGNSP7P0YgpBjRhb+b5fdFMMPCJyChSZcEA+A8y1c047/rXiIlJqkBotDdACQPHkTzTKIJ1h1VtnQnpSIde/TMNLcrMlP3wMaI8qHQItpnWiXiRF0nkyK7t3aOmKhVnmcWnvPfU6p7ZWwDuqodW5l0IOjWq04SMMKwPCc78UZdA5pFe1JQzo1Yj1l9tJbJAIZ5jSFn/MykKc0d0P5rJatmA46PMgeJvBwIDAQAB";
    private const string Rsa1024 = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDFssmyJGkXOKDUYWFOADvLxKn1bbOSLIZ0YImCfgYPNgoufT+7zB7KyLuukhqOrtAHnNTbY7NGej8byEFQ+fQ55IO9WoZ4i/KQxnl0v3GliyRYYaQDQ/zHrEwMo77+rj3BPnoZVLV0pkfMZFLSNSRfB6O+jlnVnDPFd+JT+NILmQIDAQAB";

    [Theory]
    [InlineData("v=DMARC1; p=none", "none")]
    [InlineData("v=DMARC1;p=reject;", "reject")]
    [InlineData("v = DMARC1 ; p = Quarantine ; sp=reject; np=none; adkim=s; aspf=r; pct=50; fo=1", "quarantine")]
    [InlineData("v=DMARC1; p=reject; rua=mailto:a@example.se,mailto:b@example.net!10m; ruf=mailto:f@example.se", "reject")]
    [InlineData("v=DMARC1; p=none; t=y; psd=n; unknown=whatever", "none")]
    public void AValidDmarcRecordGivesItsPolicy(string record, string policy)
    {
        var verdict = DmarcRecord.Validate(record);

        Assert.True(verdict.Valid, verdict.Problem);
        Assert.Equal(policy, verdict.Policy);
    }

    [Theory]
    [InlineData("p=reject; v=DMARC1", "must start with v=DMARC1")]
    [InlineData("v=dmarc1; p=reject", "must start with v=DMARC1")]
    [InlineData("v=DMARC2; p=reject", "must start with v=DMARC1")]
    [InlineData("v=DMARC1", "p= is missing")]
    [InlineData("v=DMARC1; rua=mailto:a@example.se", "p= is missing")]
    [InlineData("v=DMARC1; p=block", "p=block is not a policy")]
    [InlineData("v=DMARC1; p=none; sp=maybe", "sp=maybe is not a policy")]
    [InlineData("v=DMARC1; p=none; adkim=strict", "adkim=strict")]
    [InlineData("v=DMARC1; p=none; pct=150", "pct=150")]
    [InlineData("v=DMARC1; p=none; rua=dmarc@example.se", "rua=")]
    [InlineData("v=DMARC1; p=none rua=mailto:a@example.se", "is not a policy")]
    [InlineData("v=DMARC1; p=none; just words", "not a tag=value pair")]
    public void ABrokenDmarcRecordSaysWhatIsWrong(string record, string problem)
    {
        var verdict = DmarcRecord.Validate(record);

        Assert.False(verdict.Valid);
        Assert.Contains(problem, verdict.Problem);
    }

    [Fact]
    public void AStrongRsaKeyIsNotWeak()
    {
        var key = DkimKey.Inspect($"v=DKIM1; k=rsa; p={Rsa2048}");

        Assert.True(key.Usable);
        Assert.Equal(2048, key.Bits);
        Assert.False(key.IsWeak);
    }

    [Fact]
    public void AnRsaKeyUnder2048BitsIsWeak()
    {
        var key = DkimKey.Inspect($"v=DKIM1; p={Rsa1024}");

        Assert.Equal(1024, key.Bits);
        Assert.True(key.IsWeak);
    }

    [Fact]
    public void AnEd25519KeyIsStrong()
    {
        var key = DkimKey.Inspect($"v=DKIM1; k=ed25519; p={Convert.ToBase64String(new byte[32])}");

        Assert.True(key.Usable);
        Assert.False(key.IsWeak);
    }

    [Theory]
    [InlineData("v=DKIM1; p=", "revoked")]
    [InlineData("v=DKIM1; k=rsa", "no public key")]
    [InlineData("v=DKIM1; p=!!!not base64!!!", "not valid base64")]
    [InlineData("v=DKIM1; p=AAAA", "not an RSA key")]
    [InlineData("v=DKIM1; k=dsa; p=AAAA", "unknown")]
    public void AnUnusableKeySaysWhy(string record, string problem)
    {
        var key = DkimKey.Inspect(record);

        Assert.False(key.Usable);
        Assert.Contains(problem, key.Problem);
    }

    [Fact]
    public void TheVerdictIsTheMostSeriousFindingAndInformationDoesNotCount()
    {
        var result = new DomainCheckResult(new DomainName("x.se", "x.se"),
        [
            new("mx", "ok", FindingStatus.Ok),
            new("dmarc", "dmarc-missing", FindingStatus.Warning),
            new("spf", "spf-without-us", FindingStatus.Failed),
            new("srv-imaps", "ok", FindingStatus.Info),
        ]);

        Assert.Equal(FindingStatus.Failed, result.Verdict);
        Assert.Equal("spf-without-us", result.Diagnosis);
        Assert.Equal("ok", new DomainCheckResult(null, [new("mx", "ok", FindingStatus.Ok), new("autoconfig", "ok", FindingStatus.Info)]).Diagnosis);
    }

    [Fact]
    public void AmongWarningsAFailedLookupDecides()
    {
        var result = new DomainCheckResult(null,
            [new("dkim", "dkim-missing", FindingStatus.Warning), new("dmarc", "lookup-failed", FindingStatus.Warning)]);

        Assert.Equal("lookup-failed", result.Diagnosis);
    }
}
