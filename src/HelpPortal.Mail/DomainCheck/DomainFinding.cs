namespace HelpPortal.Mail.DomainCheck;

/// <summary>The codes of the domain check's verdict and findings (README, "Domain check").</summary>
public static class DomainCheckCodes
{
    public const string Ok = "ok";
    public const string InvalidInput = "invalid-input";
    public const string RateLimited = "rate-limited";
    public const string DomainNotFound = "domain-not-found";
    public const string MxMissing = "mx-missing";
    public const string MxElsewhere = "mx-elsewhere";
    public const string MxPartial = "mx-partial";
    public const string SpfMissing = "spf-missing";
    public const string SpfMultiple = "spf-multiple";
    public const string SpfWithoutUs = "spf-without-us";
    public const string SpfTooManyLookups = "spf-too-many-lookups";
    public const string DkimMissing = "dkim-missing";
    public const string DkimWeak = "dkim-weak";
    public const string DmarcMissing = "dmarc-missing";
    public const string DmarcInvalid = "dmarc-invalid";
    public const string LookupFailed = "lookup-failed";

    /// <summary>Every code, in the order the contract lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Ok, InvalidInput, RateLimited, DomainNotFound, MxMissing, MxElsewhere, MxPartial, SpfMissing, SpfMultiple,
        SpfWithoutUs, SpfTooManyLookups, DkimMissing, DkimWeak, DmarcMissing, DmarcInvalid, LookupFailed,
    ];
}

/// <summary>The checks, one finding each; the client-setup records are information only.</summary>
public static class DomainCheckNames
{
    public const string Input = "input";
    public const string Domain = "domain";
    public const string Mx = "mx";
    public const string Spf = "spf";
    public const string Dkim = "dkim";
    public const string Dmarc = "dmarc";
    public const string ImapService = "srv-imaps";
    public const string SubmissionService = "srv-submissions";
    public const string Autoconfig = "autoconfig";
    public const string Autodiscover = "autodiscover";
}

/// <summary>How a finding weighs in the verdict. Ordered: a larger value is more serious; info never counts.</summary>
public enum FindingStatus
{
    Info,
    Ok,
    Warning,
    Failed,
}

/// <summary>Whether a client-setup record points at the provider.</summary>
public enum ClientSetupState
{
    Missing,
    Ours,
    Elsewhere,
    /// <summary>Present, but the portal's own host name is unknown here, so it cannot be compared.</summary>
    Unknown,
}

/// <summary>
/// One check's outcome. <see cref="Facts"/> are values from DNS for the plain words (the MX hosts found, the key size,
/// a reason); <see cref="RecordsToPublish"/> are zone-file lines relative to the domain, empty when nothing needs changing.
/// </summary>
public sealed record DomainFinding(string Check, string Code, FindingStatus Status)
{
    public IReadOnlyList<string> Facts { get; init; } = [];
    public IReadOnlyList<Profiles.DnsRecord> RecordsToPublish { get; init; } = [];
    /// <summary>For the client-setup information only.</summary>
    public ClientSetupState? ClientSetup { get; init; }
}

/// <summary>The whole answer: the verdict is the most serious finding (failed over warning over ok; info does not count).</summary>
public sealed record DomainCheckResult(DomainName? Domain, IReadOnlyList<DomainFinding> Findings)
{
    public DomainFinding? Deciding { get; } = MostSerious(Findings);

    /// <summary><c>ok</c>, <c>warning</c> or <c>failed</c>.</summary>
    public FindingStatus Verdict => Deciding?.Status ?? FindingStatus.Ok;

    /// <summary>The deciding finding's code, or <c>ok</c>.</summary>
    public string Diagnosis => Deciding is { Status: > FindingStatus.Ok } deciding ? deciding.Code : DomainCheckCodes.Ok;

    /// <summary>The verdict for input that was refused before any lookup; the facts are the problem's name and the English reason.</summary>
    public static DomainCheckResult Refused(string code, params string[] facts) =>
        new(null, [new DomainFinding(DomainCheckNames.Input, code, FindingStatus.Failed) { Facts = facts }]);

    private static DomainFinding? MostSerious(IReadOnlyList<DomainFinding> findings) =>
        findings.Where(f => f.Status != FindingStatus.Info)
            // Among equals, a lookup that failed goes first: the rest of the picture is incomplete without it.
            .OrderByDescending(f => f.Status).ThenByDescending(f => f.Code == DomainCheckCodes.LookupFailed)
            .FirstOrDefault();
}
