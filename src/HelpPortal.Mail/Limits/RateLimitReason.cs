namespace HelpPortal.Mail.Limits;

/// <summary>
/// Which limit stopped a test: the <see cref="MailTestResult.FailedStepId"/> of a <c>rate-limited</c> result,
/// so the widget can say which wait applies.
/// </summary>
public static class RateLimitReason
{
    public const string TestsPerClient = "limit-client";
    public const string FailedSignIns = "limit-mailbox";
    public const string Concurrency = "limit-concurrent";
    public const string FailedSignInsPortal = "limit-portal";
}
