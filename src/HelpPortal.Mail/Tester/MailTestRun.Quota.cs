using MailKit;
using MailKit.Net.Imap;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// A full mailbox is a common reason for "mail does not arrive": where the server offers QUOTA, the inbox step reads
/// <c>GETQUOTAROOT INBOX</c> and names a full (100%) or nearly full (90%) mailbox.
/// </summary>
internal sealed partial class MailTestRun
{
    public const int QuotaWarningPercent = 90;

    private static async Task CheckQuotaAsync(ImapClient imap, StepOutcome outcome, CancellationToken cancellationToken)
    {
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

        if (UsedPercent(quota) is not { } percent)
        {
            return;
        }

        if (percent >= 100)
        {
            throw new StepFailure(Diagnosis.MailboxFull,
                $"The mailbox is full ({percent}% of its quota is used), so new mail is refused.");
        }

        outcome.Detail += $"; {percent}% of the mailbox quota is used";
        if (percent >= QuotaWarningPercent)
        {
            outcome.Status = StepStatus.Warning;
        }
    }

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
}
