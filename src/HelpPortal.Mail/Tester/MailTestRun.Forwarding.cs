using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Mail.Tester;

/// <summary>
/// Tells the servers whom the test is for before anyone signs in: IMAP <c>ID</c> with x-originating-ip (Dovecot
/// honours it from <c>login_trusted_networks</c>) and SMTP <c>XCLIENT</c> (Postfix
/// <c>smtpd_authorized_xclient_hosts</c>). Their penalties, limits and logs then apply to the visitor, not to the
/// portal's one address that every customer shares. A server that lacks or refuses either still gets the test.
/// </summary>
internal sealed partial class MailTestRun
{
    private const string NotForwarded = "your address was not passed on to the server";

    private async Task<string> ForwardToImapAsync(ImapClient imap, CancellationToken cancellationToken)
    {
        if (!visitor.Enabled)
        {
            return $"{NotForwarded} (turned off in the portal's settings)";
        }

        if (!imap.Capabilities.HasFlag(ImapCapabilities.Id))
        {
            return $"{NotForwarded}: it does not offer IMAP ID";
        }

        if (visitor.Address is null)
        {
            return $"{NotForwarded}: the portal saw no usable IP address";
        }

        var identity = new ImapImplementation();
        identity.Properties["x-originating-ip"] = visitor.Address.ToString();
        if (visitor.Port is not null)
        {
            identity.Properties["x-originating-port"] = visitor.PortText();
        }

        identity.Properties["x-session-ext-id"] = visitor.SessionId;
        try
        {
            await imap.IdentifyAsync(identity, cancellationToken);
        }
        catch (ImapCommandException)
        {
            return $"{NotForwarded}: it refused IMAP ID";
        }

        logger.LogInformation("Mail test passed the visitor's address on with IMAP ID, session {SessionId}", visitor.SessionId);
        return "your address was passed on to the server (IMAP ID)";
    }

    private async Task<string> ForwardToSmtpAsync(ForwardingSmtpClient smtp, IReadOnlyList<string> ehlo, CancellationToken cancellationToken)
    {
        var offered = XclientAttributes(ehlo);
        if (!visitor.Enabled)
        {
            return $"{NotForwarded} (turned off in the portal's settings)";
        }

        if (offered is null)
        {
            return $"{NotForwarded}: it does not offer XCLIENT";
        }

        // Postfix exempts a client allowed XCLIENT from its rate limits until it names the real client, so once
        // allowed the command always goes out, naming the address as unavailable when the portal has none.
        var command = new StringBuilder("XCLIENT");
        if (offered.Contains("NAME"))
        {
            // No reverse lookup is made for the visitor; Postfix documents [UNAVAILABLE] for a name not known.
            command.Append(" NAME=[UNAVAILABLE]");
        }

        if (offered.Contains("ADDR"))
        {
            command.Append(" ADDR=").Append(visitor.Address is null ? "[UNAVAILABLE]" : visitor.XclientAddress());
        }

        if (offered.Contains("PORT") && visitor.Address is not null && visitor.Port is not null)
        {
            command.Append(" PORT=").Append(visitor.PortText());
        }

        var answer = await smtp.SendRawAsync(command.ToString(), cancellationToken);
        if ((int)answer.StatusCode != 220)
        {
            return $"{NotForwarded}: it refused XCLIENT ({(int)answer.StatusCode})";
        }

        // XCLIENT starts the session over: the server greets again and expects EHLO before AUTH.
        var greeted = await smtp.SendRawAsync($"EHLO {smtp.LocalDomain}", cancellationToken);
        if ((int)greeted.StatusCode != 250)
        {
            throw new StepFailure(Diagnosis.ServerUnavailable,
                "The server did not accept the greeting after XCLIENT.", $"{(int)greeted.StatusCode} {greeted.Response}");
        }

        if (visitor.Address is null)
        {
            return $"{NotForwarded}: the portal saw no usable IP address";
        }

        logger.LogInformation("Mail test passed the visitor's address on with XCLIENT, session {SessionId}", visitor.SessionId);
        return "your address was passed on to the server (XCLIENT)";
    }

    /// <summary>The attribute names of the last <c>250-XCLIENT ...</c> line of the greeting, or null without one.</summary>
    internal static HashSet<string>? XclientAttributes(IReadOnlyList<string> lines)
    {
        var line = lines.LastOrDefault(l => l.Length >= 11 && l.StartsWith("250", StringComparison.Ordinal)
            && l.AsSpan(4).StartsWith("XCLIENT", StringComparison.OrdinalIgnoreCase)
            && (l.Length == 11 || l[11] == ' '));
        return line?[11..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.ToUpperInvariant()).ToHashSet();
    }
}

/// <summary>MailKit's SMTP client with the raw commands <c>XCLIENT</c> needs (MailKit knows no XCLIENT itself).</summary>
internal sealed class ForwardingSmtpClient : SmtpClient
{
    public ForwardingSmtpClient(IProtocolLogger logger)
        : base(logger)
    {
        // The second EHLO after XCLIENT must name the portal as the first one did; both use this name.
        LocalDomain = EhloName;
    }

    // The machine's full name, as MailKit itself would greet with; an address literal when it has no usable one.
    private static string EhloName { get; } = MachineName();

    private static string MachineName()
    {
        try
        {
            var properties = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties();
            var name = string.IsNullOrEmpty(properties.DomainName) ? properties.HostName : $"{properties.HostName}.{properties.DomainName}";
            return Uri.CheckHostName(name) == UriHostNameType.Dns && MailServiceOptionsValidator.IsHostName(name) ? name : "[127.0.0.1]";
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            return "[127.0.0.1]";
        }
    }

    public Task<SmtpResponse> SendRawAsync(string command, CancellationToken cancellationToken) =>
        SendCommandAsync(command, cancellationToken);
}
