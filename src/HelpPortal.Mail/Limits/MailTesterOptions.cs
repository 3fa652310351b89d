using Microsoft.Extensions.Options;

namespace HelpPortal.Mail.Limits;

/// <summary>The <c>MailTester</c> configuration section (the README's configuration table).</summary>
public sealed class MailTesterOptions
{
    public const string SectionName = "MailTester";

    /// <summary>Tests one client IP may start per <see cref="ClientWindow"/>.</summary>
    public int TestsPerClient { get; set; } = 5;

    /// <summary>Failed sign-ins the tester lets through per mailbox per <see cref="MailboxWindow"/>.</summary>
    public int FailedSignInsPerMailbox { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins the tester lets through per <see cref="PortalWindow"/> across every mailbox: one guessed
    /// password tried against many mailboxes (password spraying) stops here, where the per-mailbox limit never trips.
    /// </summary>
    public int FailedSignInsPerHour { get; set; } = 120;

    /// <summary>Tests running at once, portal-wide.</summary>
    public int MaxConcurrentTests { get; set; } = 20;

    public static TimeSpan ClientWindow { get; } = TimeSpan.FromMinutes(10);
    public static TimeSpan MailboxWindow { get; } = TimeSpan.FromHours(1);
    public static TimeSpan PortalWindow { get; } = TimeSpan.FromHours(1);
}

/// <summary>Stops start-up with a message that names the key to fix.</summary>
public sealed class MailTesterOptionsValidator : IValidateOptions<MailTesterOptions>
{
    public ValidateOptionsResult Validate(string? name, MailTesterOptions options)
    {
        var failures = new List<string>();
        Positive(options.TestsPerClient, nameof(MailTesterOptions.TestsPerClient), failures);
        Positive(options.FailedSignInsPerMailbox, nameof(MailTesterOptions.FailedSignInsPerMailbox), failures);
        Positive(options.MaxConcurrentTests, nameof(MailTesterOptions.MaxConcurrentTests), failures);
        Positive(options.FailedSignInsPerHour, nameof(MailTesterOptions.FailedSignInsPerHour), failures);
        if (options.FailedSignInsPerHour < options.FailedSignInsPerMailbox)
        {
            failures.Add($"{MailTesterOptions.SectionName}:{nameof(MailTesterOptions.FailedSignInsPerHour)} must be at least " +
                $"{MailTesterOptions.SectionName}:{nameof(MailTesterOptions.FailedSignInsPerMailbox)} ({options.FailedSignInsPerMailbox}); " +
                $"it is {options.FailedSignInsPerHour}, so one mailbox could use up the whole portal's budget.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(int value, string key, List<string> failures)
    {
        if (value < 1)
        {
            failures.Add($"{MailTesterOptions.SectionName}:{key} must be a whole number of at least 1 (it is {value}).");
        }
    }
}
