using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Limits;

/// <summary>
/// The tester the portal hands out: checks <see cref="MailTesterLimits"/> before the real tester may open a
/// connection, counts failed sign-ins, and hands each finished diagnosis to <paramref name="recordDiagnosisAsync"/>
/// (the portal's statistics; codes only, never an address).
/// </summary>
public sealed partial class LimitedMailTester(
    IMailTester inner,
    MailTesterLimits limits,
    ILogger<LimitedMailTester> logger,
    Func<string, CancellationToken, Task> recordDiagnosisAsync) : IMailTester
{
    // The sign-in steps: once one has started, the credentials may be on their way.
    private static readonly HashSet<string> SignInSteps = ["imap-auth", "smtp-auth"];

    public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onStep);
        MailTestSlot? slot;
        string? reason;
        try
        {
            (slot, reason) = await limits.TryAcquireAsync(request.ClientAddress, request.EmailAddress ?? "", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without its counts the portal cannot keep its promise to the mail servers: no test rather than an unlimited one.
            LogCounterFailed(logger, e);
            (slot, reason) = (null, RateLimitReason.Concurrency);
        }

        if (slot is null)
        {
            LogLimited(logger, reason!);
            var limited = new MailTestResult(Diagnosis.RateLimited, [], FailedStepId: reason);
            await RecordAsync(limited.Diagnosis, cancellationToken);
            return limited;
        }

        // A sign-in that started and did not end accepted counts as failed: refused, timed out, BYE, no reply, or a
        // visitor who left while the server was still deciding.
        var unconfirmed = new HashSet<string>(StringComparer.Ordinal);
        void Watch(MailTestStep step)
        {
            if (SignInSteps.Contains(step.Id))
            {
                lock (unconfirmed)
                {
                    if (step.Status == StepStatus.Running)
                    {
                        unconfirmed.Add(step.Id);
                    }
                    else if (step.Status is StepStatus.Ok or StepStatus.Warning or StepStatus.Skipped)
                    {
                        unconfirmed.Remove(step.Id);
                    }
                }
            }

            onStep(step);
        }

        MailTestResult result;
        try
        {
            result = await inner.RunAsync(request, Watch, cancellationToken);
        }
        finally
        {
            bool signInFailed;
            lock (unconfirmed)
            {
                signInFailed = unconfirmed.Count > 0;
            }

            try
            {
                await limits.ReleaseAsync(slot, signInFailed);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The verdict still reaches the visitor; a reservation not given back counts as a failure for an hour.
                LogReleaseFailed(logger, e);
            }
        }

        await RecordAsync(result.Diagnosis, cancellationToken);
        return result;
    }

    private async Task RecordAsync(string diagnosis, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail test's reserved failed sign-in could not be given back")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail tester's limit counts could not be read; the test was refused")]
    private static partial void LogCounterFailed(ILogger logger, Exception exception);
}
