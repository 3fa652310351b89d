using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Limits;

/// <summary>
/// The tester the portal hands out: checks <see cref="MailTesterLimits"/> before the real tester may
/// open a connection, counts failed sign-ins per mailbox, and hands each finished diagnosis to
/// <paramref name="recordDiagnosisAsync"/> (the portal's statistics; codes only, never an address).
/// </summary>
public sealed partial class LimitedMailTester(
    IMailTester inner,
    MailTesterLimits limits,
    ILogger<LimitedMailTester> logger,
    Func<string, CancellationToken, Task>? recordDiagnosisAsync = null) : IMailTester
{
    public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!limits.TryAcquire(request.ClientAddress, request.EmailAddress, out var slot, out var reason))
        {
            LogLimited(logger, reason!);
            var limited = new MailTestResult(Diagnosis.RateLimited, [], FailedStepId: reason);
            await RecordAsync(limited.Diagnosis, cancellationToken);
            return limited;
        }

        MailTestResult result;
        var signInFailed = false;
        try
        {
            result = await inner.RunAsync(request, onStep, cancellationToken);
            signInFailed = result.Diagnosis == Diagnosis.AuthFailed;
        }
        finally
        {
            limits.Release(slot, signInFailed);
        }
        await RecordAsync(result.Diagnosis, cancellationToken);
        return result;
    }

    private async Task RecordAsync(string diagnosis, CancellationToken cancellationToken)
    {
        if (recordDiagnosisAsync is null)
        {
            return;
        }
        try
        {
            await recordDiagnosisAsync(diagnosis, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The statistics are a by-product; the customer still gets the verdict.
            LogRecordFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail test refused by the portal limit {Reason}")]
    private static partial void LogLimited(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the mail tester's diagnosis")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
