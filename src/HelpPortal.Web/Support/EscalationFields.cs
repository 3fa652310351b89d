using HelpPortal.Mail;
using HelpPortal.Mail.DomainCheck;

namespace HelpPortal.Web.Support;

/// <summary>What an escalation may carry to support: codes and the article, never what the reader typed.</summary>
public static class EscalationFields
{
    public const string Article = "article";
    public const string Lang = "lang";
    public const string Vote = "vote";
    public const string Reason = "reason";
    public const string Diagnosis = "diagnosis";

    public static IReadOnlyList<string> All { get; } = [Article, Lang, Vote, Reason, Diagnosis];

    /// <summary>
    /// The verdict codes a page may show: the mail tester's and the domain check's (see the README). Anything
    /// else, an address or a password among it, is dropped before it could reach a URL or the store.
    /// </summary>
    public static IReadOnlySet<string> KnownDiagnoses { get; } = new HashSet<string>(
    [
        .. HelpPortal.Mail.Diagnosis.All,
        .. DomainCheckCodes.All,
    ], StringComparer.Ordinal);

    public static string? CheckDiagnosis(string? code) => code is not null && KnownDiagnoses.Contains(code) ? code : null;
}

/// <summary>The values one escalation passes on; null where the reader did not consent or there is nothing.</summary>
public sealed record EscalationValues(string? Article, string? Lang, string? Vote, string? Reason, string? Diagnosis)
{
    public static EscalationValues None { get; } = new(null, null, null, null, null);

    public string? this[string field] => field switch
    {
        EscalationFields.Article => Article,
        EscalationFields.Lang => Lang,
        EscalationFields.Vote => Vote,
        EscalationFields.Reason => Reason,
        EscalationFields.Diagnosis => Diagnosis,
        _ => null,
    };
}
