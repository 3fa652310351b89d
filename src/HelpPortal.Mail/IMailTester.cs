namespace HelpPortal.Mail;

/// <summary>The <c>data-status</c> of one step.</summary>
public enum StepStatus
{
    Running,
    Ok,
    Warning,
    Failed,
    Skipped,
}

/// <summary>What the customer asked to test. The password lives only as long as this object.</summary>
/// <param name="ClientAddress">The client's key for the per-client limit (its IP, or its IPv6 /64); never stored with the address.</param>
/// <param name="Incoming">Settings the customer typed in the advanced part, or null for the configured ones.</param>
/// <param name="Outgoing">As <paramref name="Incoming"/>, for SMTP.</param>
public sealed record MailTestRequest(
    string EmailAddress,
    string Password,
    bool SendTestMessage,
    string ClientAddress,
    MailServer? Incoming = null,
    MailServer? Outgoing = null)
{
    /// <summary>
    /// The visitor's own IP as the portal sees it after trusted forwarded headers, passed on to servers that take it
    /// (see <see cref="MailServiceModel.ForwardClientAddress"/>). Anything but a plain IP address is never sent.
    /// </summary>
    public string? ClientIp { get; init; }

    /// <summary>The visitor's TCP port, passed on with <see cref="ClientIp"/>; 0 when unknown.</summary>
    public int ClientPort { get; init; }

    // The password must never reach a log line through a record's generated ToString.
    public override string ToString() => $"MailTestRequest {{ SendTestMessage = {SendTestMessage} }}";
}

/// <summary>One step as it runs and ends; <paramref name="Id"/> is stable (for example <c>imap-connect</c>).</summary>
public sealed record MailTestStep(
    string Id,
    string Protocol,
    StepStatus Status,
    TimeSpan Elapsed,
    string? Detail = null,
    string? ServerReply = null)
{
    /// <summary>How full the mailbox is (the fuller of storage and messages), when the server told it; the inbox step only.</summary>
    public int? QuotaUsedPercent { get; init; }
}

/// <summary>The verdict: one diagnosis code, the step that decided it, and the server's own words if any.</summary>
public sealed record MailTestResult(
    string Diagnosis,
    IReadOnlyList<MailTestStep> Steps,
    string? FailedStepId = null,
    string? ServerReply = null,
    TimeSpan? DeliveryTime = null)
{
    public bool Succeeded => Diagnosis == HelpPortal.Mail.Diagnosis.Ok;

    /// <summary>Why the test stopped, in plain English for logs and staff (the widget words its own text).</summary>
    public string? Detail { get; init; }
}

/// <summary>Runs one test of a customer's mailbox against the configured servers.</summary>
public interface IMailTester
{
    /// <param name="onStep">Called for every step when it starts and when it ends (same <see cref="MailTestStep.Id"/>).</param>
    Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken);
}
