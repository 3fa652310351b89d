namespace HelpPortal.Mail;

/// <summary>
/// The diagnosis codes of the tester's verdict, as written in <c>data-diagnosis</c>; the troubleshooting article and
/// the widget's texts are keyed by them, so a code is never renamed.
/// </summary>
public static class Diagnosis
{
    public const string Ok = "ok";
    public const string InvalidInput = "invalid-input";
    public const string RateLimited = "rate-limited";
    public const string HostNotFound = "host-not-found";
    public const string ConnectionRefused = "connection-refused";
    public const string Timeout = "timeout";
    public const string TlsUntrustedCertificate = "tls-untrusted-certificate";
    public const string TlsNameMismatch = "tls-name-mismatch";
    public const string TlsExpired = "tls-expired";
    public const string TlsModeMismatch = "tls-mode-mismatch";
    public const string AuthFailed = "auth-failed";
    public const string AccountSuspended = "account-suspended";
    public const string SendingLimit = "sending-limit";
    public const string ServerUnavailable = "server-unavailable";
    public const string MailboxFull = "mailbox-full";

    public static IReadOnlyList<string> All { get; } =
    [
        Ok, InvalidInput, RateLimited, HostNotFound, ConnectionRefused, Timeout, TlsUntrustedCertificate,
        TlsNameMismatch, TlsExpired, TlsModeMismatch, AuthFailed, AccountSuspended, SendingLimit, ServerUnavailable,
        MailboxFull,
    ];
}
