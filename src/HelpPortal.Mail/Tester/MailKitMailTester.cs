using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// Tests a customer's mailbox against the configured IMAP and SMTP servers with the real MailKit clients: one
/// sign-in per protocol with SASL PLAIN, every step timed and reported, one diagnosis at the end.
/// </summary>
public sealed class MailKitMailTester : IMailTester
{
    /// <summary>The key under which this engine is registered; the rate-limited tester wraps it.</summary>
    public const string ServiceKey = "mailkit";

    private const int MaxPasswordLength = 1024;
    private readonly MailServiceModel _model;
    private readonly IMailConnector _connector;
    private readonly MailTesterTimeouts _timeouts;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>The engine over real DNS, sockets and TLS, on the portal's clock.</summary>
    public MailKitMailTester(MailServiceModel model, IOptions<MailTesterTimeouts> timeouts, ILogger<MailKitMailTester> logger, TimeProvider time)
        : this(model, new SocketMailConnector(), timeouts.Value, logger, time)
    {
    }

    internal MailKitMailTester(MailServiceModel model, IMailConnector connector, MailTesterTimeouts timeouts, ILogger logger, TimeProvider time)
    {
        _model = model;
        _connector = connector;
        _timeouts = timeouts;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<MailTestResult> RunAsync(MailTestRequest request, Action<MailTestStep> onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onStep);
        var address = request.EmailAddress?.Trim() ?? "";
        var imapServer = request.Incoming ?? _model.Incoming;
        var smtpServer = request.Outgoing ?? _model.Outgoing;
        if (RefuseInput(address, request.Password, imapServer, smtpServer) is { } refusal)
        {
            _logger.LogInformation("Mail test refused before any connection: {Reason}", refusal.Log);
            return new MailTestResult(Diagnosis.InvalidInput, []) { Detail = refusal.Detail };
        }

        var plan = Plan(imapServer, smtpServer, request.SendTestMessage);
        var runner = new StepRunner(plan, onStep, new Redactor(address, request.Password), _logger);
        var inspector = new CertificateInspector(_model.TrustedRoot, _time);
        TimeSpan? deliveryTime = null;
        var visitor = ForwardedClient.From(_model.ForwardClientAddress, request.ClientIp, request.ClientPort);
        await using (var run = new MailTestRun(runner, _connector, inspector, _timeouts, _time, visitor, _logger, address, request.Password))
        {
            try
            {
                await run.TestImapAsync(imapServer, cancellationToken);
                await run.TestSmtpAsync(smtpServer, cancellationToken);
                if (request.SendTestMessage)
                {
                    deliveryTime = await run.SendAndWaitForDeliveryAsync(_model.ProviderName, cancellationToken);
                }
            }
            catch (StepFailure)
            {
                // Already reported by the runner; the remaining steps are skipped below.
            }
        }

        runner.SkipTheRest();
        var failure = runner.Failure;
        var diagnosis = failure?.Failure.Diagnosis ?? Diagnosis.Ok;
        _logger.LogInformation("Mail test finished: {Diagnosis} (failed step {FailedStep})", diagnosis, failure?.Id ?? "none");
        return new MailTestResult(diagnosis, runner.Steps, failure?.Id, failure?.Failure.ServerReply, deliveryTime)
        {
            Detail = failure?.Failure.Detail,
        };
    }

    private (string Detail, string Log)? RefuseInput(string address, string? password, MailServer imap, MailServer smtp)
    {
        if (!IsUsableAddress(address))
        {
            return ("The email address is not a complete address such as name@example.com.", "address");
        }

        if (string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength || password.IndexOfAny(['\0', '\r', '\n']) >= 0)
        {
            return ("The password is empty or contains characters a password cannot have.", "password");
        }

        // Only the two defined modes exist; any other value could mean "no TLS" further down, so it is refused here.
        if (!Enum.IsDefined(imap.Security) || !Enum.IsDefined(smtp.Security))
        {
            return ("The security setting must be SSL/TLS or STARTTLS.", "security not defined");
        }

        if (!_model.MayTest(imap, MailProtocol.Imap))
        {
            return ($"{imap.Host} port {imap.Port} is not one of our incoming mail servers, so it is not tested.", "incoming server not allowed");
        }

        if (!_model.MayTest(smtp, MailProtocol.Smtp))
        {
            return ($"{smtp.Host} port {smtp.Port} is not one of our outgoing mail servers, so it is not tested.", "outgoing server not allowed");
        }

        return null;
    }

    private static bool IsUsableAddress(string address) => EmailAddressCheck.Check(address).IsValid;

    private static List<(string Id, string Protocol)> Plan(MailServer imap, MailServer smtp, bool send)
    {
        var plan = new List<(string, string)>();
        plan.AddRange(ConnectionPlan(MailTestSteps.Imap, imap.Security));
        plan.Add((MailTestSteps.ImapInbox, "IMAP"));
        plan.AddRange(ConnectionPlan(MailTestSteps.Smtp, smtp.Security));
        if (send)
        {
            plan.Add((MailTestSteps.Send, "SMTP"));
            plan.Add((MailTestSteps.Delivery, "IMAP"));
        }

        return plan;
    }

    // With STARTTLS the greeting comes first and TLS after it; the steps are listed in the order they happen.
    private static IEnumerable<(string, string)> ConnectionPlan(ProtocolSteps steps, MailSecurity security) =>
        (security == MailSecurity.SslOnConnect
            ? [steps.Resolve, steps.Connect, steps.Tls, steps.Greeting, steps.Auth]
            : new[] { steps.Resolve, steps.Connect, steps.Greeting, steps.Tls, steps.Auth })
        .Select(id => (id, steps.Protocol));
}
