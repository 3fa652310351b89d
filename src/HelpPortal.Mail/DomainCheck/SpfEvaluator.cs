namespace HelpPortal.Mail.DomainCheck;

/// <summary>What walking an SPF record found.</summary>
public sealed record SpfOutcome(bool AuthorizesUs, int DnsLookups, bool TooManyLookups)
{
    /// <summary>Includes that could not be followed (no SPF record there, or several); receivers treat these as errors.</summary>
    public IReadOnlyList<string> BrokenIncludes { get; init; } = [];
}

/// <summary>
/// Walks a domain's SPF record through its <c>include:</c>s and <c>redirect=</c>, counting the terms that make a
/// receiver query DNS (<c>include</c>, <c>a</c>, <c>mx</c>, <c>ptr</c>, <c>exists</c>, <c>redirect</c>; RFC 7208
/// section 4.6.4). The walk stops at the eleventh such term, so a record that includes itself or a chain 50 deep
/// costs at most <see cref="MaxDnsLookups"/> queries, as it would at a receiver.
/// </summary>
public sealed class SpfEvaluator(IDnsLookup dns, string ourInclude)
{
    public const int MaxDnsLookups = 10;

    private int _lookups;
    private bool _authorizesUs;
    private readonly List<string> _broken = [];

    public async Task<SpfOutcome> EvaluateAsync(SpfRecord record, CancellationToken cancellationToken)
    {
        _lookups = 0;
        _authorizesUs = false;
        _broken.Clear();
        var tooMany = !await WalkAsync(record, cancellationToken).ConfigureAwait(false);
        return new SpfOutcome(_authorizesUs && !tooMany, _lookups, tooMany) { BrokenIncludes = [.. _broken] };
    }

    /// <returns>False when the lookup limit was passed.</returns>
    private async Task<bool> WalkAsync(SpfRecord record, CancellationToken cancellationToken)
    {
        foreach (var term in record.Terms)
        {
            if (!term.IsModifier && term.Name == "all")
            {
                // Terms after "all" are never reached by a receiver, and a redirect is then ignored.
                return true;
            }
            if (term.IsModifier || !term.QueriesDns)
            {
                continue;
            }
            if (++_lookups > MaxDnsLookups)
            {
                return false;
            }
            if (term.Name == "include" && !await FollowAsync(term, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        var redirect = record.Terms.FirstOrDefault(t => t.IsModifier && t.Name == "redirect");
        if (redirect is not null)
        {
            if (++_lookups > MaxDnsLookups)
            {
                return false;
            }
            return await FollowAsync(redirect, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    private async Task<bool> FollowAsync(SpfTerm term, CancellationToken cancellationToken)
    {
        var target = term.Value is { Length: > 0 } value ? DomainExpectations.Normalize(value) : "";
        if (term.Qualifier == '+' && target == ourInclude)
        {
            _authorizesUs = true;
        }
        // A macro (%{i}) depends on the sender; its target cannot be known without one.
        if (target.Length == 0 || target.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var answer = await dns.QueryAsync(target, DnsRecordType.Txt, cancellationToken).ConfigureAwait(false);
        var records = answer.Of<TxtAnswer>().Where(txt => SpfRecord.IsSpf(txt.Text)).ToList();
        if (records.Count != 1)
        {
            _broken.Add(target);
            return true;
        }
        return await WalkAsync(SpfRecord.Parse(records[0].Text), cancellationToken).ConfigureAwait(false);
    }
}
