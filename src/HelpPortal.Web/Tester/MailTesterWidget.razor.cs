// Over 200 lines: the widget's one state machine (input, limits, progress, verdict); its wording is in MailTesterWidget.Wording.cs.
using System.Globalization;
using HelpPortal.Articles;
using HelpPortal.Mail;
using HelpPortal.Mail.Tester;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Tester;

/// <summary>
/// The live mail tester: the customer's address and password, tried against the configured servers
/// step by step, ending in one diagnosis with its fix. The only interactive island on an article page.
/// </summary>
public sealed partial class MailTesterWidget : ComponentBase, IDisposable
{
    private static readonly MailDirection[] Directions = [MailDirection.Incoming, MailDirection.Outgoing];

    private readonly string _idPrefix = "mt-" + Guid.NewGuid().ToString("N")[..8];
    private readonly AdvancedFields _incoming = new();
    private readonly AdvancedFields _outgoing = new();
    private readonly List<MailTestStep> _steps = [];
    private CancellationTokenSource? _cancellation;
    private CultureInfo _culture = PortalLanguage.Culture(PortalLanguage.Default);

    private string _email = "";
    // Bound to the password input; emptied the moment a test starts, so it lives on only in that test's request.
    private string _password = "";
    private bool _sendTestMessage;
    private string? _emailError;
    private string? _passwordError;
    private bool _running;
    private bool _unfinished;
    private SettingsCheck? _check;
    private string? _diagnosis;
    private string? _limitReason;
    private string? _serverReply;
    private TimeSpan? _deliveryTime;

    [Parameter] public string Lang { get; set; } = PortalLanguage.Default;
    [Parameter] public string? ArticleSlug { get; set; }

    /// <summary>
    /// The reader's IP, read from the page request while prerendering and carried into the circuit
    /// (protected by the framework), because the circuit itself has no reliable HttpContext.
    /// </summary>
    [PersistentState] public string? ClientAddress { get; set; }

    /// <summary>
    /// The reader's own address and port (after the trusted forwarded headers), carried the same way, for the mail
    /// servers that take the visitor's address from the portal (<c>MailService:ForwardClientAddress</c>).
    /// </summary>
    [PersistentState] public string? ClientIp { get; set; }

    [PersistentState] public int ClientPort { get; set; }

    [Inject] private IMailTester Tester { get; set; } = default!;
    [Inject] private MailServiceModel Model { get; set; } = default!;
    [Inject] private IContentCatalogSource Catalogs { get; set; } = default!;
    [Inject] private IStringLocalizer<MailTesterWidget> Localizer { get; set; } = default!;
    [Inject] private IHttpContextAccessor HttpContextAccessor { get; set; } = default!;
    [Inject] private ILogger<MailTesterWidget> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (ClientAddress is null && HttpContextAccessor.HttpContext is { } http)
        {
            ClientAddress = ClientPartition.Key(http);
            var remote = http.Connection.RemoteIpAddress;
            ClientIp = (remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote)?.ToString();
            ClientPort = http.Connection.RemotePort;
        }
    }

    protected override void OnParametersSet()
    {
        _culture = PortalLanguage.Culture(PortalLanguage.OrDefault(Lang));
    }

    private async Task TestAsync()
    {
        if (_running)
        {
            return;
        }
        var password = _password;
        _password = "";
        _steps.Clear();
        _diagnosis = _limitReason = _serverReply = null;
        _deliveryTime = null;
        _unfinished = false;
        _check = null;

        var email = _email.Trim();
        _emailError = email.Length == 0 ? "Error_EmailMissing" : EmailAddressCheck.Check(email).IsValid ? null : "Error_EmailInvalid";
        _passwordError = password.Length == 0 ? "Error_PasswordMissing" : null;
        if (_emailError is not null || _passwordError is not null)
        {
            _diagnosis = Diagnosis.InvalidInput;
            return;
        }

        var incoming = _incoming.ToEntered();
        var outgoing = _outgoing.ToEntered();
        if (!incoming.IsEmpty || !outgoing.IsEmpty)
        {
            _check = SettingsComparison.Check(Model, incoming, outgoing);
            if (_check.Refused)
            {
                return;
            }
        }

        _cancellation = new CancellationTokenSource();
        _running = true;
        try
        {
            var request = new MailTestRequest(email, password, _sendTestMessage, ClientAddress ?? "", _check?.Incoming, _check?.Outgoing)
            {
                ClientIp = ClientIp,
                ClientPort = ClientPort,
            };
            var result = await Tester.RunAsync(request, OnStep, _cancellation.Token);
            foreach (var step in result.Steps)
            {
                Upsert(step);
            }
            // A step that started but never reported its end did not run to completion; never leave it spinning.
            for (var i = 0; i < _steps.Count; i++)
            {
                if (_steps[i].Status == StepStatus.Running)
                {
                    _steps[i] = _steps[i] with { Status = StepStatus.Skipped };
                }
            }
            _diagnosis = result.Diagnosis;
            _limitReason = result.Diagnosis == Diagnosis.RateLimited ? result.FailedStepId : null;
            _serverReply = Redact(result.ServerReply, email, password);
            _deliveryTime = result.DeliveryTime;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // The reader left the page; nobody is waiting for the verdict.
        }
        catch (Exception ex) when (!_cancellation.IsCancellationRequested)
        {
            // The request is not logged: it holds the password.
            Logger.LogError(ex, "The mail test ended with an unexpected error");
            _unfinished = true;
        }
        finally
        {
            _running = false;
            _cancellation.Dispose();
            _cancellation = null;
        }
    }

    // Called by the tester from its own threads, once when a step starts and once when it ends.
    private void OnStep(MailTestStep step) => _ = InvokeAsync(() =>
    {
        Upsert(step);
        StateHasChanged();
    });

    private void Upsert(MailTestStep step)
    {
        var index = _steps.FindIndex(s => s.Id == step.Id);
        if (index < 0)
        {
            _steps.Add(step);
        }
        else
        {
            _steps[index] = step;
        }
    }

    public void Dispose()
    {
        _cancellation?.Cancel();
    }


    // A server may echo what it was sent; the password must never come back onto the page, whichever tester ran.
    private static string? Redact(string? reply, string email, string password) =>
        string.IsNullOrWhiteSpace(reply) ? null : new Redactor(email, password).Clean(reply);

    private string Id(string name) => $"{_idPrefix}-{name}";

    private string? PasswordDescribedBy =>
        _passwordError is null ? Id("password-hint") : $"{Id("password-error")} {Id("password-hint")}";

    private AdvancedFields Fields(MailDirection direction) => direction == MailDirection.Incoming ? _incoming : _outgoing;

    private MailServer ModelServer(MailDirection direction) => direction == MailDirection.Incoming ? Model.Incoming : Model.Outgoing;

    /// <summary>The advanced part's inputs for one direction, as typed.</summary>
    private sealed class AdvancedFields
    {
        public string Host { get; set; } = "";
        public string Port { get; set; } = "";
        public string Security { get; set; } = "";

        public EnteredServer ToEntered() => new(Host, Port,
            Enum.TryParse<MailSecurity>(Security, out var security) ? security : null);
    }
}
