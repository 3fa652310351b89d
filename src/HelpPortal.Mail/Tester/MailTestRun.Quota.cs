using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// A full mailbox is a common reason for "mail does not arrive": where the server offers QUOTA, the inbox step reads
/// <c>GETQUOTAROOT INBOX</c> and names a full (100%) or nearly full (90%) mailbox.
/// </summary>
internal sealed partial class MailTestRun
{
    public const int QuotaWarningPercent = 90;

    private MailServer? _imapServer;

    private async Task CheckQuotaAsync(ImapClient imap, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var mark = _imapReplies!.Count;
        if (!imap.Capabilities.HasFlag(ImapCapabilities.Quota))
        {
            return;
        }

        FolderQuota quota;
        try
        {
            quota = await imap.Inbox.GetQuotaAsync(cancellationToken);
        }
        catch (ImapCommandException)
        {
            // The quota is extra information; a server that will not tell it still passed this step.
            return;
        }
        catch (ImapProtocolException) when (HasEmptyQuotaList(_imapReplies.LinesSince(mark)))
        {
            // Dovecot answers a mailbox without limits with an empty list, "* QUOTA root ()", which RFC 2087 allows
            // and MailKit cannot read; it drops the session, so the delivery check opens a new one if it needs one.
            return;
        }

        if (UsedPercent(quota) is not { } percent)
        {
            return;
        }

        if (percent >= 100)
        {
            throw new StepFailure(Diagnosis.MailboxFull,
                $"The mailbox is full ({percent}% of its quota is used), so new mail is refused.");
        }

        outcome.QuotaUsedPercent = percent;
        outcome.Detail += $"; {percent}% of the mailbox quota is used";
        if (percent >= QuotaWarningPercent)
        {
            outcome.Status = StepStatus.Warning;
        }
    }

    private static bool HasEmptyQuotaList(IReadOnlyList<string> lines) =>
        lines.Any(line => line.StartsWith("* QUOTA ", StringComparison.OrdinalIgnoreCase) && line.EndsWith("()", StringComparison.Ordinal));

    /// <summary>The fuller of storage and message count, in whole percent rounded down; null without any limit.</summary>
    internal static int? UsedPercent(FolderQuota quota)
    {
        int? fullest = null;
        foreach (var (used, limit) in new[] { (quota.CurrentStorageSize, quota.StorageLimit), (quota.CurrentMessageCount, quota.MessageLimit) })
        {
            if (used is { } u && limit is { } l && l > 0)
            {
                var percent = (int)Math.Min(u * 100UL / l, 1000UL);
                fullest = Math.Max(fullest ?? 0, percent);
            }
        }

        return fullest;
    }

    /// <summary>A new signed-in session on the same server, for the delivery check after the first one was dropped.</summary>
    private async Task<ImapClient> ReopenImapAsync(CancellationToken cancellationToken)
    {
        var server = _imapServer!;
        var connection = await connector.ConnectAsync(await connector.ResolveAsync(server.Host, cancellationToken), server.Port, cancellationToken);
        _open.Add(connection);
        if (server.Security == MailSecurity.SslOnConnect)
        {
            await connection.StartImplicitTlsAsync(server.Host, inspector, cancellationToken);
        }

        var imap = _imap = Track(new ImapClient(_imapReplies!));
        imap.ServerCertificateValidationCallback = (_, cert, chain, errors) => inspector.Inspect(cert, chain, errors).Diagnosis is null;
        var options = server.Security == MailSecurity.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await imap.ConnectAsync(connection.Stream, server.Host, server.Port, options, cancellationToken);
        if (!connection.IsEncrypted && !imap.IsEncrypted)
        {
            throw new StepFailure(Diagnosis.TlsModeMismatch, "The connection is not encrypted, so no password is sent over it.");
        }

        await ForwardToImapAsync(imap, cancellationToken);
        await imap.AuthenticateAsync(new SaslMechanismPlain(address, password), cancellationToken);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        return imap;
    }
}
