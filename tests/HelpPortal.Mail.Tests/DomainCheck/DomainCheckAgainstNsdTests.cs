using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

/// <summary>The whole check against the real NSD: one fixture zone per finding, each wrong in exactly one way.</summary>
[Collection(NsdCollection.Name)]
public sealed class DomainCheckAgainstNsdTests(Nsd nsd)
{
    [Theory]
    [InlineData("mx-missing.test", "mx", "mx-missing", FindingStatus.Failed)]
    [InlineData("mx-elsewhere.test", "mx", "mx-elsewhere", FindingStatus.Failed)]
    [InlineData("mx-partial.test", "mx", "mx-partial", FindingStatus.Warning)]
    [InlineData("spf-missing.test", "spf", "spf-missing", FindingStatus.Failed)]
    [InlineData("spf-multiple.test", "spf", "spf-multiple", FindingStatus.Failed)]
    [InlineData("spf-without-us.test", "spf", "spf-without-us", FindingStatus.Failed)]
    [InlineData("spf-too-many.test", "spf", "spf-too-many-lookups", FindingStatus.Failed)]
    [InlineData("spf-loop.test", "spf", "spf-too-many-lookups", FindingStatus.Failed)]
    [InlineData("spf-chain.test", "spf", "spf-too-many-lookups", FindingStatus.Failed)]
    [InlineData("dkim-missing.test", "dkim", "dkim-missing", FindingStatus.Warning)]
    [InlineData("dkim-weak.test", "dkim", "dkim-weak", FindingStatus.Warning)]
    [InlineData("dmarc-missing.test", "dmarc", "dmarc-missing", FindingStatus.Warning)]
    [InlineData("dmarc-invalid.test", "dmarc", "dmarc-invalid", FindingStatus.Warning)]
    public async Task EachFixtureZoneGivesItsFindingAndNothingElse(string domain, string check, string code, FindingStatus status)
    {
        var result = await CheckAsync(domain);

        Assert.Equal(code, result.Diagnosis);
        Assert.Equal(status, result.Verdict);
        var finding = result.Findings.Single(f => f.Check == check);
        Assert.Equal(code, finding.Code);
        Assert.NotEmpty(finding.RecordsToPublish);
        Assert.All(result.Findings.Where(f => f.Check != check && f.Status != FindingStatus.Info),
            other => Assert.Equal(DomainCheckCodes.Ok, other.Code));
    }

    [Fact]
    public async Task ADomainWithEverythingInPlaceIsOkAndItsSetupRecordsPointAtUs()
    {
        var result = await CheckAsync("ok.test");

        Assert.Equal(FindingStatus.Ok, result.Verdict);
        Assert.Equal("ok", result.Diagnosis);
        Assert.Equal(["mx", "spf", "dkim", "dmarc"], result.Findings.Where(f => f.Status == FindingStatus.Ok).Select(f => f.Check));
        Assert.All(result.Findings.Where(f => f.Status == FindingStatus.Info), info => Assert.Equal(ClientSetupState.Ours, info.ClientSetup));
        Assert.All(result.Findings, f => Assert.Empty(f.RecordsToPublish));
        Assert.Equal(["hp", "rsa", "2048"], result.Findings.Single(f => f.Check == "dkim").Facts);
    }

    [Fact]
    public async Task MailElsewhereNamesTheOtherProvidersHostsAndTheRecordsToPublish()
    {
        var result = await CheckAsync("mx-elsewhere.test");

        var mx = result.Findings.Single(f => f.Check == "mx");
        Assert.Equal(["mx.elsewhere.test"], mx.Facts);
        Assert.Equal(["10 mx1.provider.test.", "20 mx2.provider.test."], mx.RecordsToPublish.Select(r => r.Value));
        Assert.Equal(ClientSetupState.Elsewhere, result.Findings.Single(f => f.Check == DomainCheckNames.ImapService).ClientSetup);
        Assert.Equal(ClientSetupState.Missing, result.Findings.Single(f => f.Check == DomainCheckNames.Autoconfig).ClientSetup);
    }

    [Fact]
    public async Task SpfWithoutUsProposesTheRecordWithOurIncludeAdded()
    {
        var result = await CheckAsync("spf-without-us.test");

        var spf = result.Findings.Single(f => f.Check == "spf");
        Assert.Equal("\"v=spf1 include:spf.elsewhere.test include:spf.provider.test -all\"", Assert.Single(spf.RecordsToPublish).Value);
    }

    [Fact]
    public async Task ANameThatDoesNotExistIsDomainNotFoundAlone()
    {
        var result = await CheckAsync("no-such-name.ok.test");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("domain-not-found", finding.Code);
        Assert.Equal(FindingStatus.Failed, result.Verdict);
    }

    [Theory]
    [InlineData("anna@ok.test")]
    [InlineData("https://ok.test/contact?x=1")]
    [InlineData("OK.Test")]
    public async Task AnAddressOrAUrlIsCheckedAsItsDomain(string input)
    {
        var result = await CheckAsync(input);

        Assert.Equal("ok.test", result.Domain!.Ascii);
        Assert.Equal("ok", result.Diagnosis);
    }

    [Fact]
    public async Task AnInternationalNameIsLookedUpInPunycodeAndShownInUnicode()
    {
        var result = await CheckAsync("info@bücher.test");

        Assert.Equal("xn--bcher-kva.test", result.Domain!.Ascii);
        Assert.Equal("bücher.test", result.Domain.Unicode);
        Assert.Equal("ok", result.Diagnosis);
    }

    [Theory]
    [InlineData("spf-loop.test")]
    [InlineData("spf-chain.test")]
    [InlineData("spf-too-many.test")]
    public async Task SpfThatLoopsOrChainsAsksNoMoreThanTheLimitAllows(string domain)
    {
        var model = nsd.Model();
        var counting = new CountingLookup(Nsd.Lookup(model));
        var result = await new DomainChecker(model, counting, Microsoft.Extensions.Options.Options.Create(new DomainCheckTimeouts())).CheckAsync(domain, Nsd.PortalHost, default);

        Assert.Equal("spf-too-many-lookups", result.Diagnosis);
        // The record itself, then at most ten includes; the other checks ask for names the SPF walk never does.
        var spfQuestions = counting.Asked.Count(q => q.Type == DnsRecordType.Txt && !q.Name.Contains('_', StringComparison.Ordinal));
        Assert.InRange(spfQuestions, 2, 1 + SpfEvaluator.MaxDnsLookups);
    }

    private Task<DomainCheckResult> CheckAsync(string input)
    {
        var model = nsd.Model();
        return new DomainChecker(model, Nsd.Lookup(model), Microsoft.Extensions.Options.Options.Create(new DomainCheckTimeouts())).CheckAsync(input, Nsd.PortalHost, default);
    }
}
