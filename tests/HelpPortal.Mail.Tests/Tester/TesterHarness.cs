using HelpPortal.Mail.Tester;
using HelpPortal.Mail.Tests.Replay;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Mail.Tests.Tester;

/// <summary>A tester over replay streams for the configured defaults, with every reported step kept.</summary>
internal sealed class TesterHarness
{
    public const string Address = "anna@example.test";
    public const string Password = "Hemligt-lösen-4711";

    public const string VisitorAddress = "192.0.2.1";
    public const int VisitorPort = 50123;

    /// <param name="forward">
    /// Whether the visitor's address is passed on. Off by default: the older transcripts were recorded without the
    /// ID exchange; the forwarding transcripts turn it on.
    /// </param>
    public TesterHarness(ILogger? logger = null, MailServiceModel? model = null, bool forward = false)
    {
        Model = (model ?? MailServiceModel.FromOptions(MailServiceDefaults.Create())) with { ForwardClientAddress = forward };
        Timeouts = new MailTesterTimeouts
        {
            StepTimeout = TimeSpan.FromSeconds(2),
            DeliveryWait = TimeSpan.FromSeconds(2),
            DeliveryPollInterval = TimeSpan.FromMilliseconds(100),
            SignInTimeout = TimeSpan.FromSeconds(2),
        };
        Tester = new MailKitMailTester(Model, Connector, Timeouts, logger ?? NullLogger.Instance, TimeProvider.System);
    }

    public MailServiceModel Model { get; }
    public ReplayConnector Connector { get; } = new();
    public MailTesterTimeouts Timeouts { get; }
    public MailKitMailTester Tester { get; }
    public List<MailTestStep> Reported { get; } = [];

    public Task<MailTestResult> RunAsync(bool send = false, string address = Address, string password = Password,
        MailServer? incoming = null, MailServer? outgoing = null, CancellationToken cancellationToken = default,
        string visitor = VisitorAddress) =>
        Tester.RunAsync(new MailTestRequest(address, password, send, visitor, incoming, outgoing) { ClientIp = visitor, ClientPort = VisitorPort },
            step => { lock (Reported) { Reported.Add(step); } }, cancellationToken);
}
