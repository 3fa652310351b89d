using HelpPortal.Mail.Limits;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace HelpPortal.Mail.Tests.Limits;

public sealed class LimitedMailTesterTests
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedTester _inner = new();
    private readonly List<string> _recorded = [];

    private LimitedMailTester Create(int perClient = 5, int failedPerMailbox = 5, int concurrent = 20, int failedPerHour = 120)
    {
        var options = MsOptions.Create(new MailTesterOptions
        {
            TestsPerClient = perClient,
            FailedSignInsPerMailbox = failedPerMailbox,
            MaxConcurrentTests = concurrent,
            FailedSignInsPerHour = failedPerHour,
        });
        return new LimitedMailTester(_inner, new MailTesterLimits(options, new MemoryLimitCounter(_time)), NullLogger<LimitedMailTester>.Instance,
            (diagnosis, _) =>
            {
                _recorded.Add(diagnosis);
                return Task.CompletedTask;
            });
    }

    private static MailTestRequest Request(string client = "192.0.2.1", string address = "anna@example.com") =>
        new(address, "secret", SendTestMessage: false, ClientAddress: client);

    [Fact]
    public async Task AClientGetsFiveTestsAndTheSixthIsRateLimitedWithoutReachingTheServer()
    {
        var tester = Create();
        for (var i = 0; i < 5; i++)
        {
            var result = await tester.RunAsync(Request(address: $"user{i}@example.com"), _ => { }, CancellationToken.None);
            Assert.Equal(Diagnosis.Ok, result.Diagnosis);
        }

        var sixth = await tester.RunAsync(Request(address: "other@example.com"), _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.RateLimited, sixth.Diagnosis);
        Assert.Equal(RateLimitReason.TestsPerClient, sixth.FailedStepId);
        Assert.Equal(5, _inner.Calls);
    }

    [Fact]
    public async Task AnotherClientIsNotHeldBackByTheFirstClientsLimit()
    {
        var tester = Create(perClient: 1);
        await tester.RunAsync(Request(client: "192.0.2.1"), _ => { }, CancellationToken.None);

        var other = await tester.RunAsync(Request(client: "192.0.2.2"), _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.Ok, other.Diagnosis);
    }

    [Fact]
    public async Task TheClientWindowReopensAfterTenMinutes()
    {
        var tester = Create(perClient: 2);
        await tester.RunAsync(Request(), _ => { }, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await tester.RunAsync(Request(), _ => { }, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(Diagnosis.RateLimited, (await tester.RunAsync(Request(), _ => { }, CancellationToken.None)).Diagnosis);

        // The first test is now more than ten minutes old, so one slot is free again (not two).
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(Diagnosis.Ok, (await tester.RunAsync(Request(), _ => { }, CancellationToken.None)).Diagnosis);
        Assert.Equal(Diagnosis.RateLimited, (await tester.RunAsync(Request(), _ => { }, CancellationToken.None)).Diagnosis);
    }

    [Fact]
    public async Task FailuresBeforeTheCredentialsWentOutDoNotCountAgainstTheMailbox()
    {
        var tester = Create(perClient: 100, failedPerMailbox: 2);
        _inner.FailsAt = "imap-connect";
        foreach (var diagnosis in new[] { Diagnosis.Timeout, Diagnosis.ConnectionRefused, Diagnosis.TlsExpired })
        {
            _inner.Next = diagnosis;
            await tester.RunAsync(Request(client: diagnosis), _ => { }, CancellationToken.None);
        }

        _inner.FailsAt = null;
        _inner.Next = Diagnosis.AuthFailed;
        await tester.RunAsync(Request(client: "c"), _ => { }, CancellationToken.None);

        _inner.Next = Diagnosis.Ok;
        Assert.Equal(Diagnosis.Ok, (await tester.RunAsync(Request(client: "d"), _ => { }, CancellationToken.None)).Diagnosis);
        Assert.Equal(5, _inner.Calls);
    }

    [Theory]
    [InlineData(Diagnosis.Timeout)]
    [InlineData(Diagnosis.ServerUnavailable)]
    [InlineData(Diagnosis.AccountSuspended)]
    [InlineData(Diagnosis.AuthFailed)]
    public async Task AnyEndOtherThanSuccessAfterTheCredentialsWentOutCountsAsAFailedSignIn(string diagnosis)
    {
        var tester = Create(perClient: 100, failedPerMailbox: 1);
        _inner.Next = diagnosis;
        await tester.RunAsync(Request(client: "a"), _ => { }, CancellationToken.None);

        _inner.Next = Diagnosis.Ok;
        var next = await tester.RunAsync(Request(client: "b"), _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.RateLimited, next.Diagnosis);
        Assert.Equal(RateLimitReason.FailedSignIns, next.FailedStepId);
    }

    [Fact]
    public async Task AVisitorWhoLeavesWhileTheServerDecidesTheSignInStillCountsAFailedSignIn()
    {
        var tester = Create(perClient: 100, failedPerMailbox: 1);
        using var cts = new CancellationTokenSource();
        _inner.Gate = Task.Delay(Timeout.Infinite, cts.Token);
        _inner.GateInSignIn = true;
        var running = tester.RunAsync(Request(client: "a"), _ => { }, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        _inner.Gate = null;
        var next = await tester.RunAsync(Request(client: "b"), _ => { }, CancellationToken.None);
        Assert.Equal(RateLimitReason.FailedSignIns, next.FailedStepId);
    }

    [Fact]
    public async Task ThePortalWideBudgetStopsOnePasswordTriedAgainstManyMailboxes()
    {
        var tester = Create(perClient: 100, failedPerMailbox: 5, failedPerHour: 3);
        _inner.Next = Diagnosis.AuthFailed;
        for (var i = 0; i < 3; i++)
        {
            await tester.RunAsync(Request(client: $"10.0.0.{i}", address: $"victim{i}@example.com"), _ => { }, CancellationToken.None);
        }

        var fourth = await tester.RunAsync(Request(client: "10.0.0.9", address: "victim9@example.com"), _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.RateLimited, fourth.Diagnosis);
        Assert.Equal(RateLimitReason.FailedSignInsPortal, fourth.FailedStepId);
        Assert.Equal(3, _inner.Calls);
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(Diagnosis.AuthFailed, (await tester.RunAsync(Request(client: "10.0.0.9", address: "victim9@example.com"), _ => { }, CancellationToken.None)).Diagnosis);
    }

    [Fact]
    public async Task SuccessfulTestsUseNoneOfThePortalWideBudget()
    {
        var tester = Create(perClient: 100, failedPerMailbox: 1, failedPerHour: 1);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(Diagnosis.Ok, (await tester.RunAsync(Request(address: $"user{i}@example.com"), _ => { }, CancellationToken.None)).Diagnosis);
        }
    }

    [Fact]
    public async Task FailedSignInsBlockTheMailboxFromEveryClientForAnHour()
    {
        var tester = Create(perClient: 100, failedPerMailbox: 2);
        _inner.Next = Diagnosis.AuthFailed;
        await tester.RunAsync(Request(client: "a"), _ => { }, CancellationToken.None);
        await tester.RunAsync(Request(client: "b"), _ => { }, CancellationToken.None);

        // Same mailbox written differently, from a new client: still the same mailbox.
        var blocked = await tester.RunAsync(Request(client: "c", address: "  Anna@Example.COM "), _ => { }, CancellationToken.None);
        Assert.Equal(Diagnosis.RateLimited, blocked.Diagnosis);
        Assert.Equal(RateLimitReason.FailedSignIns, blocked.FailedStepId);
        Assert.Equal(2, _inner.Calls);

        var otherMailbox = await tester.RunAsync(Request(client: "c", address: "bert@example.com"), _ => { }, CancellationToken.None);
        Assert.Equal(Diagnosis.AuthFailed, otherMailbox.Diagnosis);

        _time.Advance(TimeSpan.FromMinutes(61));
        _inner.Next = Diagnosis.Ok;
        Assert.Equal(Diagnosis.Ok, (await tester.RunAsync(Request(client: "d"), _ => { }, CancellationToken.None)).Diagnosis);
    }

    [Fact]
    public async Task TestsBeyondTheConcurrencyLimitAreRefusedUntilOneEnds()
    {
        var tester = Create(perClient: 100, concurrent: 2);
        var gate = new TaskCompletionSource();
        _inner.Gate = gate.Task;
        var first = tester.RunAsync(Request(client: "a", address: "a@example.com"), _ => { }, CancellationToken.None);
        var second = tester.RunAsync(Request(client: "b", address: "b@example.com"), _ => { }, CancellationToken.None);

        var third = await tester.RunAsync(Request(client: "c", address: "c@example.com"), _ => { }, CancellationToken.None);
        Assert.Equal(Diagnosis.RateLimited, third.Diagnosis);
        Assert.Equal(RateLimitReason.Concurrency, third.FailedStepId);
        Assert.Equal(2, _inner.Calls);

        gate.SetResult();
        await Task.WhenAll(first, second);
        _inner.Gate = null;
        Assert.Equal(Diagnosis.Ok, (await tester.RunAsync(Request(client: "c", address: "c@example.com"), _ => { }, CancellationToken.None)).Diagnosis);
    }

    [Fact]
    public async Task ACancelledTestGivesItsSlotBack()
    {
        var tester = Create(perClient: 100, concurrent: 1);
        using var cts = new CancellationTokenSource();
        _inner.Gate = Task.Delay(Timeout.Infinite, cts.Token);
        var running = tester.RunAsync(Request(), _ => { }, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        _inner.Gate = null;
        Assert.Equal(Diagnosis.Ok, (await tester.RunAsync(Request(), _ => { }, CancellationToken.None)).Diagnosis);
    }

    [Fact]
    public async Task ParallelTestsOfOneMailboxCannotSlipPastTheFailedSignInLimit()
    {
        var tester = Create(perClient: 100, failedPerMailbox: 2);
        var gate = new TaskCompletionSource();
        _inner.Gate = gate.Task;
        _inner.Next = Diagnosis.AuthFailed;
        var running = new[]
        {
            tester.RunAsync(Request(client: "a"), _ => { }, CancellationToken.None),
            tester.RunAsync(Request(client: "b"), _ => { }, CancellationToken.None),
        };

        var third = await tester.RunAsync(Request(client: "c"), _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.RateLimited, third.Diagnosis);
        gate.SetResult();
        await Task.WhenAll(running);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task EveryFinishedDiagnosisIsRecordedIncludingRefusals()
    {
        var tester = Create(perClient: 1);
        _inner.Next = Diagnosis.AuthFailed;
        await tester.RunAsync(Request(), _ => { }, CancellationToken.None);
        await tester.RunAsync(Request(), _ => { }, CancellationToken.None);

        Assert.Equal([Diagnosis.AuthFailed, Diagnosis.RateLimited], _recorded);
    }

    [Fact]
    public async Task StepsOfTheRealTesterReachTheCaller()
    {
        var tester = Create();
        var seen = new List<MailTestStep>();

        await tester.RunAsync(Request(), seen.Add, CancellationToken.None);

        Assert.Equal(["imap-connect", "imap-connect", "imap-auth", "imap-auth"], seen.Select(s => s.Id));
    }

    /// <summary>Reports a connect and a sign-in step the way the engine does; the sign-in fails unless the verdict is ok.</summary>
    private sealed class ScriptedTester : IMailTester
    {
        public int Calls { get; private set; }
        public string Next { get; set; } = Diagnosis.Ok;
        /// <summary>Set to "imap-connect" for a test that stops before the credentials go out.</summary>
        public string? FailsAt { get; set; }
        public Task? Gate { get; set; }
        public bool GateInSignIn { get; set; }

        public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
        {
            Calls++;
            var diagnosis = Next;
            var failsAt = FailsAt ?? (diagnosis == Diagnosis.Ok ? null : "imap-auth");
            onStep(new MailTestStep("imap-connect", "IMAP", StepStatus.Running, TimeSpan.Zero));
            if (Gate is { } gate && !GateInSignIn)
            {
                await gate.WaitAsync(cancellationToken);
            }

            onStep(new MailTestStep("imap-connect", "IMAP", failsAt == "imap-connect" ? StepStatus.Failed : StepStatus.Ok, TimeSpan.FromMilliseconds(5)));
            if (failsAt == "imap-connect")
            {
                return new MailTestResult(diagnosis, [], failsAt);
            }

            onStep(new MailTestStep("imap-auth", "IMAP", StepStatus.Running, TimeSpan.Zero));
            if (Gate is { } signInGate && GateInSignIn)
            {
                await signInGate.WaitAsync(cancellationToken);
            }

            onStep(new MailTestStep("imap-auth", "IMAP", failsAt is null ? StepStatus.Ok : StepStatus.Failed, TimeSpan.FromMilliseconds(5)));
            return new MailTestResult(diagnosis, [], failsAt);
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>When the shared counter (the store) cannot be reached, no test runs: the limits are a promise to the mail servers.</summary>
public sealed class LimitCounterOutageTests
{
    [Fact]
    public async Task ACounterThatFailsRefusesTheTestWithoutContactingAServer()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new MailTesterOptions());
        var calls = 0;
        var inner = new CountingTester(() => calls++);
        var recorded = new List<string>();
        var tester = new LimitedMailTester(inner, new MailTesterLimits(options, new BrokenCounter()), NullLogger<LimitedMailTester>.Instance,
            (diagnosis, _) =>
            {
                recorded.Add(diagnosis);
                return Task.CompletedTask;
            });

        var result = await tester.RunAsync(new MailTestRequest("anna@example.com", "pw", false, "192.0.2.1"), _ => { }, CancellationToken.None);

        Assert.Equal(Diagnosis.RateLimited, result.Diagnosis);
        Assert.Equal([Diagnosis.RateLimited], recorded);
        Assert.Equal(0, calls);
    }

    private sealed class BrokenCounter : ILimitCounter
    {
        public Task<LimitTicket?> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the store is down");

        public Task ReturnAsync(LimitTicket ticket, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the store is down");
    }

    private sealed class CountingTester(Action onCall) : IMailTester
    {
        public Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
        {
            onCall();
            return Task.FromResult(new MailTestResult(Diagnosis.Ok, []));
        }
    }
}
