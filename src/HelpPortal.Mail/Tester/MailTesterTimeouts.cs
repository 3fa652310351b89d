namespace HelpPortal.Mail.Tester;

/// <summary>How long the tester waits; tests shorten these, the defaults suit real customers.</summary>
public sealed class MailTesterTimeouts
{
    /// <summary>Each network step (resolve, connect, TLS, greeting, sign in, inbox, send) gets this long.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to look for the test message over IMAP after sending it.</summary>
    public TimeSpan DeliveryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause between two looks at the inbox while waiting for the test message.</summary>
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
