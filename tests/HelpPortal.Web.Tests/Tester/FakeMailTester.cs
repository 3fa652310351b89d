using HelpPortal.Mail;

namespace HelpPortal.Web.Tests.Tester;

/// <summary>
/// A tester that reports scripted steps over time: each step starts, waits for the test to let it go
/// (or not at all), then ends with its scripted status.
/// </summary>
internal sealed class FakeMailTester : IMailTester
{
    private readonly List<(MailTestStep Step, TaskCompletionSource? Gate)> _script = [];

    public List<MailTestRequest> Requests { get; } = [];
    public string Diagnosis { get; set; } = HelpPortal.Mail.Diagnosis.Ok;
    public string? ServerReply { get; set; }
    public string? FailedStepId { get; set; }
    public bool WasCancelled { get; private set; }

    /// <summary>Adds a step; the returned gate, if asked for, holds it in "running" until released.</summary>
    public TaskCompletionSource? AddStep(string id, string protocol, StepStatus final, string? detail = null, bool gated = false,
        int? quotaUsedPercent = null)
    {
        var gate = gated ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        _script.Add((new MailTestStep(id, protocol, final, TimeSpan.FromMilliseconds(120), detail) { QuotaUsedPercent = quotaUsedPercent }, gate));
        return gate;
    }

    public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var done = new List<MailTestStep>();
        try
        {
            foreach (var (step, gate) in _script)
            {
                // Report from another thread, as the real tester does.
                await Task.Run(() => onStep(step with { Status = StepStatus.Running, Elapsed = TimeSpan.Zero }), cancellationToken);
                if (gate is not null)
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }
                await Task.Run(() => onStep(step), cancellationToken);
                done.Add(step);
            }
        }
        catch (OperationCanceledException)
        {
            WasCancelled = true;
            throw;
        }
        return new MailTestResult(Diagnosis, done, FailedStepId, ServerReply);
    }
}
