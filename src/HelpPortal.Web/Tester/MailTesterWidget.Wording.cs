using System.Globalization;
using HelpPortal.Mail;
using HelpPortal.Mail.Limits;
using HelpPortal.Web.Reader;

namespace HelpPortal.Web.Tester;

// The widget's words: every text comes from the resources in the page's language.
public sealed partial class MailTesterWidget
{
    /// <summary>A text in the widget's language, whatever culture the circuit happens to run in.</summary>
    private string T(string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = _culture;
        try
        {
            var text = Localizer[key].Value;
            return arguments.Length == 0 ? text : string.Format(_culture, text, arguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private string Seconds(TimeSpan elapsed) => T("Seconds", elapsed.TotalSeconds.ToString("0.00", _culture));

    private string StepName(string stepId) => MailTestSteps.Action(stepId) is { } action ? T($"Step_{action}") : stepId;

    private static string StatusCode(StepStatus status) => status.ToString().ToLowerInvariant();

    private static string StatusIcon(StepStatus status) => status switch
    {
        StepStatus.Running => "…",
        StepStatus.Ok => "✓",
        StepStatus.Warning => "!",
        StepStatus.Failed => "✗",
        _ => "–",
    };

    private string Explanation(string diagnosis) => diagnosis switch
    {
        Diagnosis.SendingLimit => T("Explain_sending-limit", Model.Limits.MailboxPerHour, Model.Limits.DomainPerHour),
        _ when Diagnosis.All.Contains(diagnosis) => T($"Explain_{diagnosis}"),
        _ => T("Explain_unknown"),
    };

    private string Fix(string diagnosis)
    {
        var incoming = Model.Incoming;
        var outgoing = Model.Outgoing;
        return diagnosis switch
        {
            Diagnosis.RateLimited => T(_limitReason switch
            {
                RateLimitReason.FailedSignIns => "Fix_rate-limited_mailbox",
                RateLimitReason.Concurrency => "Fix_rate-limited_concurrent",
                _ => "Fix_rate-limited",
            }),
            Diagnosis.HostNotFound or Diagnosis.TlsNameMismatch or Diagnosis.TlsUntrustedCertificate =>
                T($"Fix_{diagnosis}", incoming.Host, outgoing.Host),
            Diagnosis.ConnectionRefused or Diagnosis.TlsModeMismatch => T($"Fix_{diagnosis}",
                MailServiceModel.SecurityLabel(incoming.Security), incoming.Port,
                MailServiceModel.SecurityLabel(outgoing.Security), outgoing.Port),
            Diagnosis.SendingLimit => T("Fix_sending-limit", Model.Limits.BlockMinutes),
            _ when Diagnosis.All.Contains(diagnosis) => T($"Fix_{diagnosis}"),
            _ => T("Fix_unknown"),
        };
    }

    private string ArticleLink(string diagnosis)
    {
        if (diagnosis == Diagnosis.MailboxFull && Catalogs.Current.InLanguage(DiagnosisHelp.FullMailboxArticle, Lang) is { } article)
        {
            return ReaderUrls.Article(Lang, article.Slug);
        }

        var anchor = DiagnosisHelp.Anchor(diagnosis);
        return ArticleSlug is null ? "#" + anchor : ReaderUrls.Article(Lang, ArticleSlug, anchor);
    }

    private string Describe(SettingsDifference difference) => T($"Difference_{difference.Kind}",
        T($"Direction_{difference.Direction}"), difference.Entered, difference.Expected);

    private string Describe(SettingsRefusal refusal) => T($"Refusal_{refusal.Kind}",
        T($"Direction_{refusal.Direction}"), refusal.Entered,
        ModelServer(refusal.Direction).Host, string.Join(", ", SettingsComparison.AllowedPorts(Model, refusal.Direction)));
}
