using HelpPortal.Mail;

namespace HelpPortal.Web.Tester;

/// <summary>Where in the troubleshooting article each diagnosis is explained (its fixed section anchors).</summary>
public static class DiagnosisHelp
{
    /// <summary>The article about full mailboxes, in each language, that the mailbox-full verdict links to.</summary>
    public static string FullMailboxSlug(string lang) => lang == "sv" ? "full-brevlada" : "full-mailbox";

    public static string Anchor(string diagnosis) => diagnosis switch
    {
        Diagnosis.Timeout => "abroad",
        Diagnosis.AccountSuspended => "unpaid-invoice",
        Diagnosis.SendingLimit => "sending-limits",
        Diagnosis.HostNotFound or Diagnosis.ConnectionRefused or Diagnosis.TlsModeMismatch or Diagnosis.TlsNameMismatch
            or Diagnosis.TlsUntrustedCertificate or Diagnosis.TlsExpired or Diagnosis.Ok => "server-settings",
        _ => "test-your-settings",
    };

    /// <summary>
    /// The plain name of a step, as a resource key: the engine names steps <c>protocol-action</c>
    /// (for example <c>imap-login</c>), and only the action needs words.
    /// </summary>
    public static string StepKey(string stepId)
    {
        var action = stepId.Contains('-', StringComparison.Ordinal) ? stepId[(stepId.IndexOf('-', StringComparison.Ordinal) + 1)..] : stepId;
        return action switch
        {
            "resolve" or "dns" or "lookup" => "Step_resolve",
            "connect" or "tcp" => "Step_connect",
            "tls" or "starttls" or "ssl" => "Step_tls",
            "greeting" or "banner" => "Step_greeting",
            "ehlo" or "helo" => "Step_ehlo",
            "login" or "auth" or "authenticate" or "signin" or "sign-in" => "Step_login",
            "inbox" or "select" or "examine" or "open-inbox" => "Step_inbox",
            "send" or "submit" => "Step_send",
            "delivery" or "deliver" or "arrival" or "wait" => "Step_delivery",
            _ => "Step_other",
        };
    }
}
