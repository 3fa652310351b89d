using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Mail.Tests.DomainCheck;

public sealed class SpfEvaluatorTests
{
    private const string Ours = "spf.provider.test";

    [Fact]
    public async Task OurIncludeAnywhereInTheTreeAuthorizesUs()
    {
        var (outcome, asked) = await EvaluateAsync("v=spf1 include:a.test -all", new()
        {
            ["a.test"] = ["v=spf1 include:b.test ~all"],
            ["b.test"] = [$"v=spf1 ip4:192.0.2.1 include:{Ours} -all"],
            [Ours] = ["v=spf1 ip4:192.0.2.0/24 -all"],
        });

        Assert.True(outcome.AuthorizesUs);
        Assert.Equal(3, outcome.DnsLookups);
        Assert.Equal(["a.test", "b.test", Ours], asked);
    }

    [Theory]
    [InlineData($"v=spf1 -include:{Ours} ~all")]
    [InlineData($"v=spf1 ~include:{Ours} ~all")]
    [InlineData($"v=spf1 -all include:{Ours}")]
    [InlineData("v=spf1 include:spf.provider.test.example -all")]
    public async Task OurIncludeWithAnotherQualifierOrAfterAllDoesNotCount(string record)
    {
        var (outcome, _) = await EvaluateAsync(record, new() { [Ours] = ["v=spf1 -all"] });

        Assert.False(outcome.AuthorizesUs);
    }

    [Fact]
    public async Task ARedirectIsFollowedAndCounted()
    {
        var (outcome, _) = await EvaluateAsync($"v=spf1 redirect={Ours}", new() { [Ours] = ["v=spf1 -all"] });

        Assert.True(outcome.AuthorizesUs);
        Assert.Equal(1, outcome.DnsLookups);
    }

    [Fact]
    public async Task EveryDnsQueryingTermCountsButOnlyIncludesAreAsked()
    {
        var (outcome, asked) = await EvaluateAsync(
            $"v=spf1 a mx ptr exists:%{{i}}.x.test ip4:192.0.2.1 ip6:2001:db8::1 a:b.test mx:c.test/24 include:{Ours} ~all",
            new() { [Ours] = ["v=spf1 -all"] });

        Assert.Equal(7, outcome.DnsLookups);
        Assert.False(outcome.TooManyLookups);
        Assert.Equal([Ours], asked);
    }

    [Fact]
    public async Task TenLookupsAreAllowedAndElevenAreTooMany()
    {
        var ten = "v=spf1 " + string.Join(' ', Enumerable.Repeat("a", 9)) + $" include:{Ours} -all";
        var eleven = "v=spf1 " + string.Join(' ', Enumerable.Repeat("mx", 10)) + $" include:{Ours} -all";
        var records = new Dictionary<string, string[]> { [Ours] = ["v=spf1 -all"] };

        Assert.False((await EvaluateAsync(ten, records)).Outcome.TooManyLookups);
        var (outcome, asked) = await EvaluateAsync(eleven, records);
        Assert.True(outcome.TooManyLookups);
        Assert.False(outcome.AuthorizesUs);
        Assert.Empty(asked);
    }

    [Fact]
    public async Task ARecordThatIncludesItselfStopsAtTheLimit()
    {
        var loop = "v=spf1 include:loop.test -all";
        var (outcome, asked) = await EvaluateAsync(loop, new() { ["loop.test"] = [loop] });

        Assert.True(outcome.TooManyLookups);
        Assert.Equal(SpfEvaluator.MaxDnsLookups, asked.Count);
    }

    [Fact]
    public async Task AChainFiftyDeepStopsAtTheLimit()
    {
        var chain = Enumerable.Range(1, 50).ToDictionary(i => $"c{i}.test", i => new[] { $"v=spf1 include:c{i + 1}.test -all" });
        chain["c51.test"] = [$"v=spf1 include:{Ours} -all"];

        var (outcome, asked) = await EvaluateAsync("v=spf1 include:c1.test -all", chain);

        Assert.True(outcome.TooManyLookups);
        Assert.Equal(SpfEvaluator.MaxDnsLookups, asked.Count);
        Assert.Equal("c10.test", asked[^1]);
    }

    [Fact]
    public async Task AnIncludeWithoutAnSpfRecordIsNamedAndTheWalkGoesOn()
    {
        var (outcome, _) = await EvaluateAsync($"v=spf1 include:gone.test include:{Ours} -all", new() { [Ours] = ["v=spf1 -all"] });

        Assert.Equal(["gone.test"], outcome.BrokenIncludes);
        Assert.True(outcome.AuthorizesUs);
    }

    [Theory]
    [InlineData("v=spf1 -all", true)]
    [InlineData("V=SPF1 include:x.test", true)]
    [InlineData("v=spf1", true)]
    [InlineData("v=spf10 -all", false)]
    [InlineData("spf1 -all", false)]
    [InlineData("v=DMARC1; p=none", false)]
    public void AnSpfRecordStartsWithItsVersion(string text, bool isSpf) => Assert.Equal(isSpf, SpfRecord.IsSpf(text));

    [Fact]
    public void TermsKeepTheirQualifiersAndValues()
    {
        var record = SpfRecord.Parse("v=spf1 +a -mx:m.test/24 ~ip4:192.0.2.0/24 ?include:x.test a/24 redirect=r.test exp=e.test -all");

        Assert.Equal("v=spf1 a -mx:m.test/24 ~ip4:192.0.2.0/24 ?include:x.test a/24 redirect=r.test exp=e.test -all", record.ToString());
        Assert.Equal(5, record.Terms.Count(t => t.QueriesDns));
    }

    private static async Task<(SpfOutcome Outcome, List<string> Asked)> EvaluateAsync(string record, Dictionary<string, string[]> txt)
    {
        var counting = new CountingLookup(new TableLookup(txt));
        var outcome = await new SpfEvaluator(counting, Ours).EvaluateAsync(SpfRecord.Parse(record), default);
        return (outcome, counting.Asked.Select(q => q.Name).ToList());
    }
}
