using HelpPortal.Mail.Profiles;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>
/// Information only: the records that let mail programs find the settings by themselves (RFC 6186 / RFC 8314 SRV
/// records, the <c>autoconfig</c> and <c>autodiscover</c> host names) and whether they point at the provider.
/// They never change the verdict: mail works without them.
/// </summary>
internal sealed class ClientSetupChecks(MailServiceModel model, IDnsLookup dns, string domain, string? portalHost)
{
    public IEnumerable<(string Check, Func<CancellationToken, Task<DomainFinding>> Run)> All()
    {
        var expected = DnsRecords.For(model, portalHost ?? "portal.invalid");
        var imap = expected.First(r => r.Name.StartsWith("_imap", StringComparison.Ordinal));
        var submission = expected.First(r => r.Name.StartsWith("_submission", StringComparison.Ordinal));
        yield return (DomainCheckNames.ImapService, ct => ServiceAsync(DomainCheckNames.ImapService, imap, model.Incoming, ct));
        yield return (DomainCheckNames.SubmissionService, ct => ServiceAsync(DomainCheckNames.SubmissionService, submission, model.Outgoing, ct));
        yield return (DomainCheckNames.Autoconfig, ct => HostNameAsync(DomainCheckNames.Autoconfig, expected, ct));
        yield return (DomainCheckNames.Autodiscover, ct => HostNameAsync(DomainCheckNames.Autodiscover, expected, ct));
    }

    private async Task<DomainFinding> ServiceAsync(string check, DnsRecord expected, MailServer server, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync($"{expected.Name}.{domain}", DnsRecordType.Srv, cancellationToken).ConfigureAwait(false);
        var targets = answer.Of<SrvAnswer>().ToList();
        var ours = targets.Any(srv => srv.Port == server.Port && IsOurServer(srv.Target));
        var state = targets.Count == 0 ? ClientSetupState.Missing : ours ? ClientSetupState.Ours : ClientSetupState.Elsewhere;
        return Info(check, state, [.. targets.Select(srv => $"{DomainExpectations.Normalize(srv.Target)}:{srv.Port}")],
            state == ClientSetupState.Ours ? [] : [expected]);
    }

    private async Task<DomainFinding> HostNameAsync(string check, IReadOnlyList<DnsRecord> expected, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync($"{check}.{domain}", DnsRecordType.Cname, cancellationToken).ConfigureAwait(false);
        var target = answer.Of<CnameAnswer>().Select(c => DomainExpectations.Normalize(c.Target)).FirstOrDefault();
        var state = !answer.NameExists ? ClientSetupState.Missing
            : portalHost is null || target is null ? ClientSetupState.Unknown
            : target == DomainExpectations.Normalize(portalHost) ? ClientSetupState.Ours
            : ClientSetupState.Elsewhere;
        var publish = portalHost is null || state == ClientSetupState.Ours ? [] : expected.Where(r => r.Name == check).ToList();
        return Info(check, state, target is null ? [] : [target], publish);
    }

    private bool IsOurServer(string target)
    {
        var host = DomainExpectations.Normalize(target);
        return host == DomainExpectations.Normalize(model.Incoming.Host) || host == DomainExpectations.Normalize(model.Outgoing.Host)
            || model.Aliases.Any(alias => DomainExpectations.Normalize(alias) == host);
    }

    private static DomainFinding Info(string check, ClientSetupState state, IReadOnlyList<string> facts, IReadOnlyList<DnsRecord> publish) =>
        new(check, DomainCheckCodes.Ok, FindingStatus.Info) { ClientSetup = state, Facts = facts, RecordsToPublish = publish };
}
