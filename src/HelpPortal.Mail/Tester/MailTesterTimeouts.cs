namespace HelpPortal.Mail.Tester;

/// <summary>How long the tester waits; tests shorten these, the defaults suit real customers.</summary>
public sealed class MailTesterTimeouts
{
    /// <summary>Each network step (resolve, connect, TLS, greeting, sign in, inbox, send) gets this long.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the sign-in steps wait for the server's answer. Dovecot holds back its answer to an address with
    /// recent failures for up to 15 s (its authentication penalty), so a slow "no" must not look like a timeout.
    /// </summary>
    public TimeSpan SignInTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a STARTTLS port may stay silent before the tester checks whether it is waiting for a TLS hello
    /// instead (an SSL/TLS port never greets first). Real servers greet at once; customers should not wait a whole step.
    /// </summary>
    public TimeSpan GreetingWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to look for the test message over IMAP after sending it.</summary>
    public TimeSpan DeliveryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause between two looks at the inbox while waiting for the test message.</summary>
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
