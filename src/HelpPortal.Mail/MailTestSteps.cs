namespace HelpPortal.Mail;

/// <summary>
/// The ids of the tester's steps, as written in <c>data-step</c>: <c>protocol-action</c>, and <c>send</c> and
/// <c>delivery</c> for the test message. Fixed, so the widget words them and the page's tests can find them.
/// </summary>
public static class MailTestSteps
{
    public const string ImapResolve = "imap-resolve";
    public const string ImapConnect = "imap-connect";
    public const string ImapTls = "imap-tls";
    public const string ImapGreeting = "imap-greeting";
    public const string ImapAuth = "imap-auth";
    public const string ImapInbox = "imap-inbox";
    public const string SmtpResolve = "smtp-resolve";
    public const string SmtpConnect = "smtp-connect";
    public const string SmtpTls = "smtp-tls";
    public const string SmtpGreeting = "smtp-greeting";
    public const string SmtpAuth = "smtp-auth";
    public const string Send = "send";
    public const string Delivery = "delivery";

    /// <summary>The steps of reaching and signing in to the IMAP server.</summary>
    public static readonly ProtocolSteps Imap = new("IMAP", ImapResolve, ImapConnect, ImapTls, ImapGreeting, ImapAuth);

    /// <summary>The steps of reaching and signing in to the SMTP server.</summary>
    public static readonly ProtocolSteps Smtp = new("SMTP", SmtpResolve, SmtpConnect, SmtpTls, SmtpGreeting, SmtpAuth);

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [ImapResolve] = "resolve", [SmtpResolve] = "resolve",
        [ImapConnect] = "connect", [SmtpConnect] = "connect",
        [ImapTls] = "tls", [SmtpTls] = "tls",
        [ImapGreeting] = "greeting", [SmtpGreeting] = "greeting",
        [ImapAuth] = "auth", [SmtpAuth] = "auth",
        [ImapInbox] = "inbox",
        [Send] = "send",
        [Delivery] = "delivery",
    };

    /// <summary>What a step does, the same word for both protocols (<c>auth</c> for <c>imap-auth</c>); null for an unknown id.</summary>
    public static string? Action(string stepId) => Actions.GetValueOrDefault(stepId);
}

/// <summary>The ids of one protocol's connection steps, in the names the engine reports them under.</summary>
public sealed record ProtocolSteps(string Protocol, string Resolve, string Connect, string Tls, string Greeting, string Auth);
