using HelpPortal.Mail;

namespace HelpPortal.Web.Tester;

/// <summary>Where in the troubleshooting article each diagnosis is explained (its fixed section anchors).</summary>
public static class DiagnosisHelp
{
    /// <summary>The article about full mailboxes (its English slug) that the mailbox-full verdict links to.</summary>
    public const string FullMailboxArticle = "full-mailbox";

    public static string Anchor(string diagnosis) => diagnosis switch
    {
        Diagnosis.Timeout => "abroad",
        Diagnosis.AccountSuspended => "unpaid-invoice",
        Diagnosis.SendingLimit => "sending-limits",
        Diagnosis.HostNotFound or Diagnosis.ConnectionRefused or Diagnosis.TlsModeMismatch or Diagnosis.TlsNameMismatch
            or Diagnosis.TlsUntrustedCertificate or Diagnosis.TlsExpired or Diagnosis.Ok => "server-settings",
        _ => "test-your-settings",
    };
}
