using Microsoft.Extensions.Options;

namespace HelpPortal.Mail.DomainCheck;

/// <summary>How long the domain check waits: per DNS question, and for the whole check.</summary>
public sealed class DomainCheckTimeouts
{
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(8);
}

/// <summary>Answers "is my domain's mail set up with you?" for what a visitor typed.</summary>
public interface IDomainChecker
{
    /// <param name="portalHost">The portal's public host name, to tell whether autoconfig/autodiscover point here; null if unknown.</param>
    Task<DomainCheckResult> CheckAsync(string? input, string? portalHost, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the input (refusing it before any lookup when it cannot be a domain), then asks the configured resolver for
/// every check at once under one time limit. A check whose answer did not come in time is <c>lookup-failed</c>:
/// unknown, not wrong. A domain that does not exist is one finding, <c>domain-not-found</c>.
/// </summary>
public sealed class DomainChecker(MailServiceModel model, IDnsLookup dns, IOptions<DomainCheckTimeouts> timeouts) : IDomainChecker
{
    public async Task<DomainCheckResult> CheckAsync(string? input, string? portalHost, CancellationToken cancellationToken)
    {
        var parsed = DomainInput.Parse(input);
        if (parsed.Domain is not { } domain)
        {
            return DomainCheckResult.Refused(DomainCheckCodes.InvalidInput, parsed.Problem.ToString(), parsed.Error!);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeouts.Value.CheckTimeout);
        var records = new DomainRecordChecks(model.Dns, dns, domain.Ascii);
        var setup = new ClientSetupChecks(model, dns, domain.Ascii, portalHost);
        var checks = new List<(string Check, Func<CancellationToken, Task<DomainFinding>> Run)>
        {
            (DomainCheckNames.Mx, records.MxAsync),
            (DomainCheckNames.Spf, records.SpfAsync),
            (DomainCheckNames.Dkim, records.DkimAsync),
            (DomainCheckNames.Dmarc, records.DmarcAsync),
        };
        checks.AddRange(setup.All());

        var findings = await Task.WhenAll(checks.Select(c => GuardAsync(c.Check, c.Run, limit.Token, cancellationToken))).ConfigureAwait(false);
        return findings[0].Code == DomainCheckCodes.DomainNotFound
            ? new DomainCheckResult(domain, [findings[0]])
            : new DomainCheckResult(domain, findings);
    }

    private static async Task<DomainFinding> GuardAsync(string check, Func<CancellationToken, Task<DomainFinding>> run,
        CancellationToken limit, CancellationToken caller)
    {
        try
        {
            return await run(limit).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DnsLookupFailedException || (e is OperationCanceledException && !caller.IsCancellationRequested))
        {
            // Unknown is not wrong: the check is a warning that says so, and the information records stay information.
            var status = check is DomainCheckNames.Mx or DomainCheckNames.Spf or DomainCheckNames.Dkim or DomainCheckNames.Dmarc
                ? FindingStatus.Warning
                : FindingStatus.Info;
            return new DomainFinding(check, DomainCheckCodes.LookupFailed, status);
        }
    }
}
