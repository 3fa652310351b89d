using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace HelpPortal.Mail.Tester;

internal sealed partial class MailTestRun
{
    private const string TestHeader = "X-HelpPortal-Test";
    private ImapClient? _imap;
    private ServerReplyRecorder? _imapReplies;

    public async Task TestImapAsync(MailServer server, CancellationToken cancellationToken)
    {
        _imapServer = server;
        var connection = await OpenAsync(MailTestSteps.Imap, server, cancellationToken);
        _imapReplies = new ServerReplyRecorder();
        var imap = _imap = Track(new ImapClient(_imapReplies));
        await GreetAsync(MailTestSteps.Imap, server, connection, imap, ImapFailure(inbox: false), _imapReplies,
            lines => lines.Count > 0 && lines[0].StartsWith("* OK", StringComparison.OrdinalIgnoreCase)
                ? "The server is ready"
                : null,
            (_, token) => ForwardToImapAsync(imap, token),
            cancellationToken);

        await runner.RunAsync(MailTestSteps.ImapAuth, SignIn, async (outcome, token) =>
        {
            var mark = _imapReplies.Count;
            try
            {
                // One attempt with one pinned mechanism: no fallback to LOGIN or anything else.
                await imap.AuthenticateAsync(new SaslMechanismPlain(address, password), token);
            }
            catch (Exception e) when (e is AuthenticationException or ProtocolException or CommandException)
            {
                throw ImapFailure(inbox: false)(_imapReplies, mark, e);
            }

            // MailKit lists the folders right after signing in; the first tagged line answers the sign-in itself.
            outcome.ServerReply = _imapReplies.LinesSince(mark).FirstOrDefault(IsImapStatus) is { } reply ? ReplyClassifier.WithoutTag(reply) : null;
            outcome.Detail = "Address and password accepted";
            return true;
        }, cancellationToken);

        await runner.RunAsync(MailTestSteps.ImapInbox, Step, async (outcome, token) =>
        {
            var mark = _imapReplies.Count;
            try
            {
                await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, token);
            }
            catch (Exception e) when (e is ProtocolException or CommandException)
            {
                throw ImapFailure(inbox: true)(_imapReplies, mark, e);
            }

            var count = imap.Inbox.Count;
            outcome.Detail = $"INBOX opened read-only: {count} messages";
            await CheckQuotaAsync(imap, outcome, token);
            return count;
        }, cancellationToken);
    }

    /// <summary>Looks for the test message over the IMAP session that is already signed in.</summary>
    private async Task<TimeSpan?> WaitForDeliveryAsync(string token, CancellationToken cancellationToken)
    {
        return await runner.RunAsync(MailTestSteps.Delivery, timeouts.DeliveryWait + Step, async (outcome, stepToken) =>
        {
            var imap = _imap!.IsConnected ? _imap : await ReopenImapAsync(stepToken);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                // NOOP lets a read-only INBOX see new messages; the search is by our own header, never by content.
                await imap.NoOpAsync(stepToken);
                var found = await imap.Inbox.SearchAsync(SearchQuery.HeaderContains(TestHeader, token), stepToken);
                if (found.Count > 0)
                {
                    outcome.Detail = $"The test message arrived after {clock.Elapsed.TotalSeconds:0.0} s";
                    return clock.Elapsed;
                }

                if (clock.Elapsed + timeouts.DeliveryPollInterval > timeouts.DeliveryWait)
                {
                    outcome.Status = StepStatus.Warning;
                    outcome.Detail = $"The test message did not arrive within {Seconds(timeouts.DeliveryWait)} s";
                    return (TimeSpan?)null;
                }

                await Task.Delay(timeouts.DeliveryPollInterval, time, stepToken);
            }
        }, cancellationToken);
    }

    private static Func<ServerReplyRecorder, int, Exception, StepFailure> ImapFailure(bool inbox) => (recorder, mark, e) =>
    {
        if (LastImapReply(recorder.LinesSince(mark)) is not { } reply)
        {
            return new StepFailure(Diagnosis.ServerUnavailable, $"The server ended the conversation unexpectedly: {e.Message}");
        }

        var diagnosis = ReplyClassifier.Imap(reply);
        if (inbox && diagnosis == Diagnosis.AuthFailed)
        {
            diagnosis = Diagnosis.ServerUnavailable;
        }

        return new StepFailure(diagnosis, Explain(diagnosis), ReplyClassifier.WithoutTag(reply));
    };

    // The tagged status line (A00000003 NO ...) or a BYE is the server's answer to the step.
    private static string? LastImapReply(IReadOnlyList<string> lines) => lines.LastOrDefault(IsImapStatus);

    private static bool IsImapStatus(string line) =>
        (line.Length > 1 && char.IsAsciiLetterUpper(line[0]) && char.IsAsciiDigit(line[1]))
        || line.StartsWith("* BYE", StringComparison.OrdinalIgnoreCase);

    private static string Explain(string diagnosis) => diagnosis switch
    {
        Diagnosis.AuthFailed => "The server did not accept the address and password.",
        Diagnosis.AccountSuspended => "The server says the account is closed for now and to contact the provider.",
        Diagnosis.SendingLimit => "The server refused to send because the hourly sending limit was reached.",
        Diagnosis.ServerUnavailable => "The server answered but is not available right now.",
        _ => "The server refused the request.",
    };
}
