using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HelpPortal.Mail.Tester;

internal sealed partial class MailTestRun
{
    private ForwardingSmtpClient? _smtp;
    private ServerReplyRecorder? _smtpReplies;

    public async Task TestSmtpAsync(MailServer server, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(MailTestSteps.Smtp, server, cancellationToken);
        _smtpReplies = new ServerReplyRecorder();
        var smtp = _smtp = Track(new ForwardingSmtpClient(_smtpReplies));
        // A greeting other than 220 (421, 554) means the server does not serve us now.
        await GreetAsync(MailTestSteps.Smtp, server, connection, smtp, SmtpFailure(_ => Diagnosis.ServerUnavailable), _smtpReplies,
            _ => smtp.Capabilities.HasFlag(SmtpCapabilities.Authentication)
                ? $"EHLO accepted; sign-in offered ({string.Join(", ", smtp.AuthenticationMechanisms)})"
                : "EHLO accepted",
            (ehlo, token) => ForwardToSmtpAsync(smtp, ehlo, token),
            cancellationToken);

        await runner.RunAsync(MailTestSteps.SmtpAuth, SignIn, async (outcome, token) =>
        {
            var mark = _smtpReplies.Count;
            try
            {
                await smtp.AuthenticateAsync(new SaslMechanismPlain(address, password), token);
            }
            catch (NotSupportedException)
            {
                throw new StepFailure(Diagnosis.ServerUnavailable, "The server offers no sign-in on this port.");
            }
            catch (Exception e) when (e is AuthenticationException or ProtocolException or CommandException)
            {
                throw SmtpFailure(ReplyClassifier.SmtpAuth)(_smtpReplies, mark, e);
            }

            outcome.ServerReply = _smtpReplies.LinesSince(mark).LastOrDefault();
            outcome.Detail = "Address and password accepted";
            return true;
        }, cancellationToken);
    }

    /// <summary>Sends one short message to the customer's own address, then waits for it over IMAP.</summary>
    public async Task<TimeSpan?> SendAndWaitForDeliveryAsync(string providerName, CancellationToken cancellationToken)
    {
        var smtp = _smtp!;
        var token = Guid.NewGuid().ToString("N");
        await runner.RunAsync(MailTestSteps.Send, Step, async (outcome, stepToken) =>
        {
            var mark = _smtpReplies!.Count;
            using var message = TestMessage(providerName, token);
            try
            {
                await smtp.SendAsync(message, stepToken);
            }
            catch (Exception e) when (e is ProtocolException or CommandException)
            {
                throw SmtpFailure(ReplyClassifier.SmtpSend)(_smtpReplies, mark, e);
            }

            outcome.ServerReply = _smtpReplies.LinesSince(mark).LastOrDefault();
            outcome.Detail = "The server accepted the test message";
            return true;
        }, cancellationToken);

        return await WaitForDeliveryAsync(token, cancellationToken);
    }

    private MimeMessage TestMessage(string providerName, string token)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(address));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = $"Test message from the {providerName} help portal";
        message.Headers.Add(TestHeader, token);
        message.Body = new TextPart("plain")
        {
            Text = "You asked the help portal to test your email. This message proves that sending and receiving work. You can delete it.",
        };
        return message;
    }

    private static Func<ServerReplyRecorder, int, Exception, StepFailure> SmtpFailure(Func<string, string> classify) =>
        (recorder, mark, e) =>
        {
            // A multi-line reply ends with its "NNN " line; that line carries the code and the final words.
            // With PIPELINING later replies follow the refused one, so the exception names the reply that counts.
            var reply = e is SmtpCommandException refused
                ? $"{(int)refused.StatusCode} {refused.Message}"
                : recorder.LinesSince(mark).LastOrDefault(line => ReplyClassifier.SmtpCode(line) > 0);
            if (reply is null)
            {
                return new StepFailure(Diagnosis.ServerUnavailable, $"The server ended the conversation unexpectedly: {e.Message}");
            }

            var diagnosis = classify(reply);
            return new StepFailure(diagnosis, Explain(diagnosis), reply);
        };
}
