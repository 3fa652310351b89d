using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// Runs the steps of one test in order: reports each when it starts and ends, gives it its own timeout, turns
/// exceptions into diagnoses, and after the first failure reports the rest as skipped.
/// </summary>
internal sealed class StepRunner(
    IReadOnlyList<(string Id, string Protocol)> plan,
    Action<MailTestStep> onStep,
    Redactor redactor,
    ILogger logger)
{
    private readonly Dictionary<string, MailTestStep> _ended = [];

    public (string Id, StepFailure Failure)? Failure { get; private set; }

    public IReadOnlyList<MailTestStep> Steps => [.. plan.Where(p => _ended.ContainsKey(p.Id)).Select(p => _ended[p.Id])];

    /// <summary>Runs one step; a failure is recorded and rethrown as <see cref="StepFailure"/> to stop the test.</summary>
    public async Task<T> RunAsync<T>(
        string id,
        TimeSpan timeout,
        Func<StepOutcome, CancellationToken, Task<T>> body,
        CancellationToken cancellationToken)
    {
        var protocol = plan.First(p => p.Id == id).Protocol;
        var clock = Stopwatch.StartNew();
        Report(new MailTestStep(id, protocol, StepStatus.Running, TimeSpan.Zero));
        using var stepTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stepTimeout.CancelAfter(timeout);
        var outcome = new StepOutcome();
        try
        {
            var value = await body(outcome, stepTimeout.Token);
            End(new MailTestStep(id, protocol, outcome.Status, outcome.Elapsed ?? clock.Elapsed,
                redactor.Clean(outcome.Detail), redactor.Clean(outcome.ServerReply)) { QuotaUsedPercent = outcome.QuotaUsedPercent });
            return value;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = Classify(e, stepTimeout.IsCancellationRequested, timeout);
            failure = new StepFailure(failure.Diagnosis, redactor.Clean(failure.Detail)!, redactor.Clean(failure.ServerReply));
            logger.LogDebug("Mail test step {StepId} failed with {ExceptionType}: {Detail}",
                id, e.GetType().Name, failure.Detail);
            End(new MailTestStep(id, protocol, StepStatus.Failed, clock.Elapsed, failure.Detail, failure.ServerReply));
            Failure = (id, failure);
            throw failure;
        }
    }

    /// <summary>Ends every planned step that never ran as skipped.</summary>
    public void SkipTheRest()
    {
        foreach (var (id, protocol) in plan.Where(p => !_ended.ContainsKey(p.Id)))
        {
            End(new MailTestStep(id, protocol, StepStatus.Skipped, TimeSpan.Zero));
        }
    }

    /// <summary>Records a step that was decided inside another one (TLS negotiated by STARTTLS during the greeting).</summary>
    public void Record(string id, StepStatus status, TimeSpan elapsed, string? detail, string? serverReply = null)
    {
        var protocol = plan.First(p => p.Id == id).Protocol;
        Report(new MailTestStep(id, protocol, StepStatus.Running, TimeSpan.Zero));
        End(new MailTestStep(id, protocol, status, elapsed, redactor.Clean(detail), redactor.Clean(serverReply)));
    }

    public void Fail(string id, StepFailure failure, TimeSpan elapsed)
    {
        failure = new StepFailure(failure.Diagnosis, redactor.Clean(failure.Detail)!, redactor.Clean(failure.ServerReply));
        Record(id, StepStatus.Failed, elapsed, failure.Detail, failure.ServerReply);
        Failure = (id, failure);
        throw failure;
    }

    private static StepFailure Classify(Exception e, bool timedOut, TimeSpan timeout)
    {
        if (e is StepFailure failure)
        {
            return failure;
        }

        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        if (timedOut || e is TimeoutException || FindSocketError(e) == SocketError.TimedOut)
        {
            return new(Diagnosis.Timeout, $"No answer within {seconds} s.");
        }

        return FindSocketError(e) switch
        {
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                new(Diagnosis.HostNotFound, "DNS has no address for this host name."),
            SocketError.ConnectionRefused => new(Diagnosis.ConnectionRefused, "The server refused the connection on this port."),
            SocketError.NetworkUnreachable or SocketError.HostUnreachable =>
                new(Diagnosis.Timeout, "The server cannot be reached from here."),
            SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                new(Diagnosis.ServerUnavailable, "The server closed the connection."),
            _ when e is ProtocolException or IOException =>
                new(Diagnosis.ServerUnavailable, $"The server ended the conversation unexpectedly: {e.Message}"),
            _ => new(Diagnosis.ServerUnavailable, $"The test stopped: {e.GetType().Name}: {e.Message}"),
        };
    }

    private static SocketError? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private void Report(MailTestStep step) => onStep(step);

    private void End(MailTestStep step)
    {
        _ended[step.Id] = step;
        logger.LogInformation("Mail test step {StepId} ended {Status} after {ElapsedMs} ms", step.Id, step.Status,
            (long)step.Elapsed.TotalMilliseconds);
        onStep(step);
    }
}

/// <summary>What a step body says about itself besides its value.</summary>
internal sealed class StepOutcome
{
    public StepStatus Status { get; set; } = StepStatus.Ok;
    public string? Detail { get; set; }
    public string? ServerReply { get; set; }

    public int? QuotaUsedPercent { get; set; }

    /// <summary>Set when part of the body's time belongs to another step (the TLS upgrade inside the greeting).</summary>
    public TimeSpan? Elapsed { get; set; }
}
