using HelpPortal.Mail.Profiles;
using static HelpPortal.Mail.DomainCheck.DomainCheckCodes;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>
/// The four checks of a customer's domain that decide the verdict: where mail arrives (MX), who may send (SPF), the
/// signing key (DKIM) and the policy (DMARC). Each asks DNS for one name and says what to publish when it is not right.
/// </summary>
internal sealed class DomainRecordChecks(DomainExpectations expected, IDnsLookup dns, string domain)
{
    public async Task<DomainFinding> MxAsync(CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync(domain, DnsRecordType.Mx, cancellationToken).ConfigureAwait(false);
        if (!answer.NameExists)
        {
            return new(DomainCheckNames.Domain, DomainNotFound, FindingStatus.Failed);
        }

        // A null MX (".", RFC 7505) says the domain takes no mail at all: for us that is the same as none.
        var hosts = answer.Of<MxAnswer>().OrderBy(mx => mx.Preference)
            .Select(mx => DomainExpectations.Normalize(mx.Exchange)).Where(host => host.Length > 0).Distinct().ToList();
        var publish = expected.MxHosts.Select((host, i) => new DnsRecord("@", "MX", $"{(i + 1) * 10} {host}.")).ToList();
        var others = hosts.Where(host => !expected.IsOurMxHost(host)).ToList();
        return hosts.Count == 0 ? Finding(DomainCheckNames.Mx, MxMissing, FindingStatus.Failed, [], publish)
            : others.Count == 0 ? Finding(DomainCheckNames.Mx, Ok, FindingStatus.Ok, hosts, [])
            : others.Count == hosts.Count ? Finding(DomainCheckNames.Mx, MxElsewhere, FindingStatus.Failed, others, publish)
            : Finding(DomainCheckNames.Mx, MxPartial, FindingStatus.Warning, others, publish);
    }

    public async Task<DomainFinding> SpfAsync(CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync(domain, DnsRecordType.Txt, cancellationToken).ConfigureAwait(false);
        var texts = answer.Of<TxtAnswer>().Select(txt => txt.Text.Trim()).Where(SpfRecord.IsSpf).ToList();
        var include = new SpfTerm('+', "include", expected.SpfInclude, IsModifier: false);
        if (texts.Count == 0)
        {
            return Finding(DomainCheckNames.Spf, SpfMissing, FindingStatus.Failed, [], [Spf(new SpfRecord([include, All('~')]))]);
        }

        var records = texts.Select(SpfRecord.Parse).ToList();
        if (records.Count > 1)
        {
            return Finding(DomainCheckNames.Spf, SpfMultiple, FindingStatus.Failed, texts, [Spf(Merge(records, include))]);
        }

        var record = records[0];
        var outcome = await new SpfEvaluator(dns, expected.SpfInclude).EvaluateAsync(record, cancellationToken).ConfigureAwait(false);
        if (outcome.TooManyLookups)
        {
            // What stays: the addresses (they cost no lookup), our include and the record's own ending.
            var kept = record.Terms.Where(t => !t.IsModifier && t.Name is "ip4" or "ip6").Append(include).Append(EndOf(record));
            return Finding(DomainCheckNames.Spf, SpfTooManyLookups, FindingStatus.Failed, texts, [Spf(new SpfRecord([.. kept]))]);
        }
        return outcome.AuthorizesUs
            ? Finding(DomainCheckNames.Spf, Ok, FindingStatus.Ok, texts, [])
            : Finding(DomainCheckNames.Spf, SpfWithoutUs, FindingStatus.Failed, texts, [Spf(WithInclude(record, include))]);
    }

    public async Task<DomainFinding> DkimAsync(CancellationToken cancellationToken)
    {
        var keys = await Task.WhenAll(expected.DkimSelectors.Select(async selector =>
        {
            var answer = await dns.QueryAsync($"{selector}._domainkey.{domain}", DnsRecordType.Txt, cancellationToken).ConfigureAwait(false);
            var record = answer.Of<TxtAnswer>().Select(txt => txt.Text).FirstOrDefault(DkimKey.IsDkim);
            return (Selector: selector, Key: record is null ? null : DkimKey.Inspect(record));
        })).ConfigureAwait(false);

        var publish = expected.DkimSelectors
            .Select(selector => new DnsRecord($"{selector}._domainkey", "TXT", "\"v=DKIM1; k=rsa; p=YOUR_PUBLIC_KEY\"")).ToList();
        if (keys.FirstOrDefault(k => k.Key is { Usable: true, IsWeak: false }) is { Key: { } strong } found)
        {
            return Finding(DomainCheckNames.Dkim, Ok, FindingStatus.Ok, [found.Selector, strong.KeyType, Bits(strong)], []);
        }
        if (keys.FirstOrDefault(k => k.Key is { IsWeak: true }) is { Key: { } weak } weakOne)
        {
            return Finding(DomainCheckNames.Dkim, DkimWeak, FindingStatus.Warning, [weakOne.Selector, weak.KeyType, Bits(weak)], publish);
        }
        var problems = keys.Where(k => k.Key?.Problem is not null).Select(k => $"{k.Selector}: {k.Key!.Problem}");
        return Finding(DomainCheckNames.Dkim, DkimMissing, FindingStatus.Warning, [.. problems], publish);
    }

    public async Task<DomainFinding> DmarcAsync(CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync($"_dmarc.{domain}", DnsRecordType.Txt, cancellationToken).ConfigureAwait(false);
        var texts = answer.Of<TxtAnswer>().Select(txt => txt.Text.Trim()).ToList();
        var records = texts.Where(DmarcRecord.StartsWithVersion).ToList();
        var attempts = texts.Where(text => !DmarcRecord.StartsWithVersion(text) && DmarcRecord.LooksLikeDmarc(text)).ToList();
        List<DnsRecord> publish = [new("_dmarc", "TXT", "\"v=DMARC1; p=none\"")];
        if (records.Count == 0 && attempts.Count == 0)
        {
            return Finding(DomainCheckNames.Dmarc, DmarcMissing, FindingStatus.Warning, [], publish);
        }
        if (records.Count > 1)
        {
            return Finding(DomainCheckNames.Dmarc, DmarcInvalid, FindingStatus.Warning,
                ["multiple", .. records], publish);
        }

        var record = records.Count == 1 ? records[0] : attempts[0];
        var verdict = DmarcRecord.Validate(record);
        return verdict.Valid
            ? Finding(DomainCheckNames.Dmarc, Ok, FindingStatus.Ok, [record], [])
            : Finding(DomainCheckNames.Dmarc, DmarcInvalid, FindingStatus.Warning, [verdict.Tag!, record], publish);
    }

    private static DomainFinding Finding(string check, string code, FindingStatus status, IReadOnlyList<string> facts,
        IReadOnlyList<DnsRecord> publish) => new(check, code, status) { Facts = facts, RecordsToPublish = publish };

    private static string Bits(DkimKeyInfo key) => key.Bits.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DnsRecord Spf(SpfRecord record) => new("@", "TXT", $"\"{record}\"");

    private static SpfTerm All(char qualifier) => new(qualifier, "all", null, IsModifier: false);

    private static SpfTerm EndOf(SpfRecord record) => record.Terms.FirstOrDefault(t => !t.IsModifier && t.Name == "all") ?? All('~');

    /// <summary>One record with every mechanism of the copies (each once), our include, and the first copy's ending.</summary>
    private static SpfRecord Merge(IReadOnlyList<SpfRecord> records, SpfTerm include)
    {
        var terms = records.SelectMany(r => r.Terms).Where(t => !t.IsModifier && t.Name != "all")
            .DistinctBy(t => t.ToString().ToLowerInvariant()).ToList();
        return WithInclude(new SpfRecord([.. terms, EndOf(records[0])]), include);
    }

    /// <summary>The record with our include added before its <c>all</c> (or at the end of its mechanisms).</summary>
    private static SpfRecord WithInclude(SpfRecord record, SpfTerm include)
    {
        var terms = record.Terms.Where(t => !(t.Name == "include" && DomainExpectations.Normalize(t.Value ?? "") == include.Value)).ToList();
        var all = terms.FindIndex(t => !t.IsModifier && t.Name == "all");
        terms.Insert(all >= 0 ? all : terms.Count(t => !t.IsModifier), include);
        return new SpfRecord(terms);
    }
}
