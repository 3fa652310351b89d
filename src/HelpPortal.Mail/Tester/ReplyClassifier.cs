using System.Text.RegularExpressions;

namespace HelpPortal.Mail.Tester;

/// <summary>Turns what an IMAP or SMTP server said into a diagnosis code (see <see cref="Diagnosis"/> and the README).</summary>
internal static partial class ReplyClassifier
{
    /// <summary>The tagged (or BYE) answer to a sign-in or SELECT, e.g. <c>A00000001 NO [CONTACTADMIN] ...</c>.</summary>
    public static string Imap(string reply)
    {
        if (reply.Contains("[CONTACTADMIN]", StringComparison.OrdinalIgnoreCase))
        {
            return Diagnosis.AccountSuspended;
        }

        if (reply.Contains("[UNAVAILABLE]", StringComparison.OrdinalIgnoreCase) || ImapStatus(reply) == "BYE")
        {
            return Diagnosis.ServerUnavailable;
        }

        return ImapStatus(reply) == "NO" ? Diagnosis.AuthFailed : Diagnosis.ServerUnavailable;
    }

    /// <summary>The last reply of a failed SMTP sign-in.</summary>
    public static string SmtpAuth(string reply) => SmtpCode(reply) switch
    {
        421 or 454 => Diagnosis.ServerUnavailable,
        _ when IsAccountDisabled(reply) => Diagnosis.AccountSuspended,
        >= 500 => Diagnosis.AuthFailed,
        _ => Diagnosis.ServerUnavailable,
    };

    /// <summary>The last reply of a refused send (MAIL FROM, RCPT TO or DATA).</summary>
    public static string SmtpSend(string reply)
    {
        var code = SmtpCode(reply);
        if (code == 421)
        {
            return Diagnosis.ServerUnavailable;
        }

        if (RateWords().IsMatch(reply) || (code is >= 450 and < 454 && TemporarySecurityStatus().IsMatch(reply)))
        {
            return Diagnosis.SendingLimit;
        }

        return IsAccountDisabled(reply) ? Diagnosis.AccountSuspended : Diagnosis.ServerUnavailable;
    }

    /// <summary>The reply text without the IMAP tag, as a customer may be shown it.</summary>
    public static string WithoutTag(string line) => ImapTag().Replace(line, "");

    public static int SmtpCode(string reply) =>
        reply.Length >= 3 && int.TryParse(reply.AsSpan(0, 3), out var code) ? code : 0;

    private static string ImapStatus(string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[1].ToUpperInvariant() : "";
    }

    private static bool IsAccountDisabled(string reply) =>
        SecurityStatus().IsMatch(reply) && DisabledWords().IsMatch(reply);

    [GeneratedRegex(@"^[A-Za-z]\d+ ")]
    private static partial Regex ImapTag();

    [GeneratedRegex(@"\b5\.7\.\d{1,3}\b")]
    private static partial Regex SecurityStatus();

    [GeneratedRegex(@"\b4\.7\.\d{1,3}\b")]
    private static partial Regex TemporarySecurityStatus();

    [GeneratedRegex(@"disabled|suspended|locked|blocked|contact", RegexOptions.IgnoreCase)]
    private static partial Regex DisabledWords();

    [GeneratedRegex(@"too much mail|rate limit|sending limit|too many messages|limit exceeded|exceeded .*limit", RegexOptions.IgnoreCase)]
    private static partial Regex RateWords();
}
