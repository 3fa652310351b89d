using System.Globalization;
using HelpPortal.Articles;
using HelpPortal.Mail.DomainCheck;
using HelpPortal.Mail.Profiles;
using HelpPortal.Web.Reader;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.DomainCheck;

/// <summary>
/// Plain words, the fix and the article for each finding, in the reader's language (resource keys by code and check,
/// in <c>Resources/DomainCheck/DomainCheckWidget.*.resx</c>).
/// </summary>
internal sealed class DomainCheckWording(IStringLocalizer localizer, string providerName, string lang)
{
    // The articles that explain each check, by their English slug; a finding links to the reader's language's
    // translation, and only if it is published.
    private static readonly Dictionary<string, string> Articles = new(StringComparer.Ordinal)
    {
        [DomainCheckNames.Domain] = "point-mail-to-us",
        [DomainCheckNames.Mx] = "point-mail-to-us",
        [DomainCheckNames.Spf] = "spf-record",
        [DomainCheckNames.Dkim] = "dkim-signing",
        [DomainCheckNames.Dmarc] = "dmarc-policy",
        [DomainCheckNames.ImapService] = "set-up-thunderbird",
        [DomainCheckNames.SubmissionService] = "set-up-thunderbird",
        [DomainCheckNames.Autoconfig] = "set-up-thunderbird",
        [DomainCheckNames.Autodiscover] = "set-up-outlook",
    };

    public static string StatusName(FindingStatus status) => status.ToString().ToLowerInvariant();

    public string Verdict(DomainCheckResult result) =>
        result.Domain is not { } domain ? localizer["Verdict_input"]
        : result.Diagnosis == DomainCheckCodes.LookupFailed ? localizer["Verdict_unknown", domain.Unicode]
        : localizer["Verdict_" + StatusName(result.Verdict), domain.Unicode];

    public string CheckName(DomainFinding finding) => localizer["Check_" + finding.Check];

    public string StatusLabel(DomainFinding finding) => localizer["Status_" + StatusName(finding.Status)];

    public string Words(DomainFinding finding, DomainName? domain)
    {
        var facts = finding.Facts;
        var all = string.Join(", ", facts);
        if (finding.ClientSetup is { } state && finding.Code != DomainCheckCodes.LookupFailed)
        {
            return localizer["Setup_" + state, providerName, all];
        }
        return (finding.Code, finding.Check) switch
        {
            (DomainCheckCodes.Ok, DomainCheckNames.Mx) => localizer["Words_ok_mx", providerName, all],
            (DomainCheckCodes.Ok, DomainCheckNames.Dkim) => localizer["Words_ok_dkim", providerName, Fact(facts, 2)],
            (DomainCheckCodes.Ok, _) => localizer["Words_ok_" + finding.Check, providerName],
            (DomainCheckCodes.InvalidInput, _) => localizer["Words_invalid-input", localizer["Problem_" + Fact(facts, 0)]],
            (DomainCheckCodes.DomainNotFound, _) => localizer["Words_domain-not-found", domain?.Unicode ?? ""],
            (DomainCheckCodes.MxElsewhere or DomainCheckCodes.MxPartial, _) => localizer["Words_" + finding.Code, providerName, all],
            (DomainCheckCodes.SpfMultiple, _) => localizer["Words_spf-multiple", providerName, facts.Count.ToString(CultureInfo.CurrentCulture)],
            (DomainCheckCodes.DkimWeak, _) => localizer["Words_dkim-weak", providerName, Fact(facts, 0), Fact(facts, 2)],
            (DomainCheckCodes.DmarcInvalid, _) => localizer["Words_dmarc-invalid", providerName, DmarcProblem(Fact(facts, 0))],
            _ => localizer["Words_" + finding.Code, providerName],
        };
    }

    /// <summary>What to do, or null when nothing needs doing.</summary>
    public string? Fix(DomainFinding finding) => finding switch
    {
        { Status: FindingStatus.Info } => finding.RecordsToPublish.Count > 0 ? localizer["Fix_setup"].Value : null,
        { Code: DomainCheckCodes.Ok } => null,
        _ => localizer["Fix_" + finding.Code, providerName].Value,
    };

    public static string ZoneText(DomainFinding finding) => DnsRecords.ToZoneText(finding.RecordsToPublish);

    /// <summary>The article that explains this check, if it exists in the reader's language.</summary>
    public (string Url, string Title)? Article(DomainFinding finding, ContentCatalog catalog)
    {
        if (!Articles.TryGetValue(finding.Check, out var slug) || finding.Code is DomainCheckCodes.LookupFailed)
        {
            return null;
        }
        return catalog.InLanguage(slug, lang) is { } article ? (ReaderUrls.Article(lang, article.Slug), article.Title) : null;
    }

    private string DmarcProblem(string tag) => tag switch
    {
        "v" or "p" or "syntax" or "multiple" => localizer["DmarcTag_" + tag],
        _ => localizer["DmarcTag_other", tag],
    };

    private static string Fact(IReadOnlyList<string> facts, int index) => index < facts.Count ? facts[index] : "";
}
