using System.Net;
using System.Net.Sockets;
using HelpPortal.Mail.Tester;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Mail.Tests.Integration;

/// <summary>
/// The real Dovecot and Postfix pair that <c>.ci/services/mailservers.sh</c> starts on loopback, as described by
/// the settings file it writes. Without that file every integration test fails and says how to start the servers:
/// a missing server must never look like a passing suite.
/// </summary>
public sealed class MailServers
{
    /// <summary>Names the state folder of the script; the default is the script's own default.</summary>
    public const string FolderVariable = "HELPPORTAL_MAILSERVERS";
    private const string DefaultFolder = "/var/lib/helpportal-test/mail";

    private readonly Dictionary<string, string> _settings;

    public MailServers()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } set ? set : DefaultFolder;
        var file = Path.Combine(folder, "mailservers.env");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The loopback mail servers are not set up: {file} does not exist. Run `sudo .ci/services/mailservers.sh` " +
                $"(after installing the packages in .ci/packages.txt), or set {FolderVariable} to the folder it used.");
        }

        _settings = File.ReadLines(file)
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        ProbeOrThrow(ImapsPort, "Dovecot (IMAPS)");
        ProbeOrThrow(SmtpsPort, "Postfix (SMTPS)");
    }

    public string Host => Get("MAIL_HOST");
    public string IpAddress => Get("MAIL_ADDRESS");
    public int ImapsPort => int.Parse(Get("IMAPS_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public int ImapStartTlsPort => int.Parse(Get("IMAP_STARTTLS_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public int SmtpsPort => int.Parse(Get("SMTPS_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public int SubmissionPort => int.Parse(Get("SUBMISSION_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public int SmtpsRateLimitedPort => int.Parse(Get("SMTPS_RATE_LIMITED_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public int SmtpsExpiredPort => int.Parse(Get("SMTPS_EXPIRED_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public int SmtpsNoXclientPort => int.Parse(Get("SMTPS_NO_XCLIENT_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public string CaCertificate => Get("CA_CERT");
    public string RogueCaCertificate => Get("ROGUE_CA_CERT");
    public string GoodAddress => Get("GOOD_ADDRESS");
    public string GoodPassword => Get("GOOD_PASSWORD");
    public string SuspendedAddress => Get("SUSPENDED_ADDRESS");
    public string SuspendedPassword => Get("SUSPENDED_PASSWORD");
    public string NearlyFullAddress => Get("NEARLY_FULL_ADDRESS");
    public string FullAddress => Get("FULL_ADDRESS");
    public string QuotaPassword => Get("QUOTA_PASSWORD");
    public string DovecotLog => Get("DOVECOT_LOG");
    public string PostfixLog => Get("POSTFIX_LOG");

    public MailServer Imaps => new(Host, ImapsPort, MailSecurity.SslOnConnect);
    public MailServer Smtps => new(Host, SmtpsPort, MailSecurity.SslOnConnect);

    /// <summary>
    /// The model the portal would build from configuration: these servers, and the test CA trusted through
    /// <c>MailService:TrustedRootCertificatePath</c> (or another CA file given here).
    /// </summary>
    public MailServiceModel Model(MailServer? incoming = null, MailServer? outgoing = null, string? trustedRoot = null,
        bool forwardClientAddress = true)
    {
        incoming ??= Imaps;
        outgoing ??= Smtps;
        return MailServiceModel.FromOptions(new MailServiceOptions
        {
            ProviderName = "HelpPortal test",
            Incoming = new() { Host = incoming.Host, Port = incoming.Port, Security = incoming.Security.ToString() },
            Outgoing = new() { Host = outgoing.Host, Port = outgoing.Port, Security = outgoing.Security.ToString() },
            Limits = new() { MailboxPerHour = 300, DomainPerHour = 2000, BlockMinutes = 60 },
            TrustedRootCertificatePath = trustedRoot ?? CaCertificate,
            ForwardClientAddress = forwardClientAddress,
        });
    }

    /// <summary>The public engine over real sockets; a short step timeout keeps the failure cases quick.</summary>
    public static MailKitMailTester Tester(MailServiceModel model, ILogger<MailKitMailTester>? logger = null, TimeSpan? stepTimeout = null) =>
        new(model,
            Microsoft.Extensions.Options.Options.Create(new MailTesterTimeouts
            {
                StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(10),
                DeliveryWait = TimeSpan.FromSeconds(20),
                DeliveryPollInterval = TimeSpan.FromMilliseconds(200),
            }),
            logger ?? NullLogger<MailKitMailTester>.Instance,
            TimeProvider.System);

    /// <summary>A port on loopback where nothing listens.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Get(string key) => _settings.TryGetValue(key, out var value)
        ? value
        : throw new InvalidOperationException($"mailservers.env has no {key}; run .ci/services/mailservers.sh again.");

    private void ProbeOrThrow(int port, string what)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IpAddress, port);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"{what} does not answer on {IpAddress}:{port} ({e.SocketErrorCode}). Run `sudo .ci/services/mailservers.sh` to start it.", e);
        }
    }
}

/// <summary>Every integration test shares one view of the servers and runs one at a time (the rate limit is per client).</summary>
[CollectionDefinition(Name)]
public sealed class MailServersCollection : ICollectionFixture<MailServers>
{
    public const string Name = "Real mail servers";
}

/// <summary>One run of the tester with every reported step kept.</summary>
internal sealed record RealRun(MailTestResult Result, IReadOnlyList<MailTestStep> Reported)
{
    private static int _lastVisitor = Random.Shared.Next(1 << 16);

    /// <summary>
    /// A visitor address no other run uses (198.18.0.0/15 is for tests): the servers' penalties and limits follow
    /// the visitor, so one test's failed sign-ins never slow down another's.
    /// </summary>
    public static string NewVisitor()
    {
        var n = Interlocked.Increment(ref _lastVisitor) & 0x1FFFF;
        return $"198.{18 + (n >> 16)}.{(n >> 8) & 0xFF}.{n & 0xFF}";
    }

    public static async Task<RealRun> StartAsync(MailKitMailTester tester, string address, string password, bool send = false,
        MailServer? incoming = null, MailServer? outgoing = null, string? visitor = null, int visitorPort = 40000)
    {
        var reported = new List<MailTestStep>();
        visitor ??= NewVisitor();
        var request = new MailTestRequest(address, password, send, visitor, incoming, outgoing) { ClientIp = visitor, ClientPort = visitorPort };
        var result = await tester.RunAsync(request, step => { lock (reported) { reported.Add(step); } }, CancellationToken.None);
        return new RealRun(result, reported);
    }

    public MailTestStep Step(string id) => Result.Steps.Single(step => step.Id == id);

    /// <summary>Asserts the verdict and the deciding step, printing the whole run when they are not as expected.</summary>
    public void AssertEndsWith(string diagnosis, string? failedStepId)
    {
        Assert.True(Result.Diagnosis == diagnosis && Result.FailedStepId == failedStepId,
            $"expected {diagnosis} at {failedStepId ?? "no step"}, got {this}");
    }

    /// <summary>What to print when an assertion fails: every step with the server's words.</summary>
    public override string ToString() =>
        $"{Result.Diagnosis} at {Result.FailedStepId}: {Result.Detail} / {Result.ServerReply}{Environment.NewLine}" +
        string.Join(Environment.NewLine, Result.Steps.Select(s => $"  {s.Id} {s.Status} {s.Elapsed.TotalMilliseconds:0} ms {s.Detail} | {s.ServerReply}"));
}
