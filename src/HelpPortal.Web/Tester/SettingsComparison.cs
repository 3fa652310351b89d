using System.Globalization;
using HelpPortal.Mail;

namespace HelpPortal.Web.Tester;

/// <summary>What the customer typed for one direction in the advanced part; empty fields mean "as recommended".</summary>
public sealed record EnteredServer(string? Host, string? Port, MailSecurity? Security)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Host) && string.IsNullOrWhiteSpace(Port) && Security is null;
}

public enum MailDirection
{
    Incoming,
    Outgoing,
}

public enum SettingKind
{
    Host,
    HostAlias,
    Port,
    Security,
}

/// <summary>One way the customer's settings differ from the right ones.</summary>
public sealed record SettingsDifference(MailDirection Direction, SettingKind Kind, string Entered, string Expected);

public enum RefusalKind
{
    UnknownHost,
    PortNotAllowed,
    PortNotANumber,
}

/// <summary>Why the tester will not connect where the customer pointed it.</summary>
public sealed record SettingsRefusal(MailDirection Direction, RefusalKind Kind, string Entered);

/// <summary>The comparison, and what may be tested: null servers mean the configured ones.</summary>
public sealed record SettingsCheck(
    IReadOnlyList<SettingsDifference> Differences,
    IReadOnlyList<SettingsRefusal> Refusals,
    MailServer? Incoming,
    MailServer? Outgoing)
{
    public bool Refused => Refusals.Count > 0;
}

/// <summary>
/// Compares a customer's own settings with the mail-service model and decides whether the tester may
/// use them. The decision is the model's own <see cref="MailServiceModel.MayTest"/> (the engine checks
/// it again), so no input can point the portal at an arbitrary machine.
/// </summary>
public static class SettingsComparison
{
    public static SettingsCheck Check(MailServiceModel model, EnteredServer incoming, EnteredServer outgoing)
    {
        var differences = new List<SettingsDifference>();
        var refusals = new List<SettingsRefusal>();
        var incomingServer = CheckOne(model, MailDirection.Incoming, incoming, differences, refusals);
        var outgoingServer = CheckOne(model, MailDirection.Outgoing, outgoing, differences, refusals);
        return refusals.Count > 0
            ? new SettingsCheck(differences, refusals, null, null)
            : new SettingsCheck(differences, refusals, incomingServer, outgoingServer);
    }

    /// <summary>The ports the tester tries for one direction, in the order a customer should read them.</summary>
    public static IReadOnlyList<int> AllowedPorts(MailServiceModel model, MailDirection direction)
    {
        var (configured, standard) = direction == MailDirection.Incoming
            ? (model.Incoming.Port, MailServiceModel.StandardImapPorts)
            : (model.Outgoing.Port, MailServiceModel.StandardSmtpPorts);
        return [.. standard.Prepend(configured).Distinct()];
    }

    private static MailServer? CheckOne(
        MailServiceModel model,
        MailDirection direction,
        EnteredServer entered,
        List<SettingsDifference> differences,
        List<SettingsRefusal> refusals)
    {
        if (entered.IsEmpty)
        {
            return null;
        }

        var (expected, protocol) = direction == MailDirection.Incoming
            ? (model.Incoming, MailProtocol.Imap)
            : (model.Outgoing, MailProtocol.Smtp);

        var host = expected.Host;
        if (!string.IsNullOrWhiteSpace(entered.Host))
        {
            host = entered.Host.Trim().TrimEnd('.').ToLowerInvariant();
            var known = model.MayTest(expected with { Host = host }, protocol);
            if (!host.Equals(expected.Host, StringComparison.OrdinalIgnoreCase))
            {
                var isAlias = known && model.Aliases.Any(alias => alias.Trim().TrimEnd('.').Equals(host, StringComparison.OrdinalIgnoreCase));
                differences.Add(new(direction, isAlias ? SettingKind.HostAlias : SettingKind.Host, host, expected.Host));
            }
            if (!known)
            {
                refusals.Add(new(direction, RefusalKind.UnknownHost, host));
            }
        }

        var port = expected.Port;
        if (!string.IsNullOrWhiteSpace(entered.Port))
        {
            var text = entered.Port.Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port))
            {
                refusals.Add(new(direction, RefusalKind.PortNotANumber, text));
            }
            else
            {
                if (port != expected.Port)
                {
                    differences.Add(new(direction, SettingKind.Port, Invariant(port), Invariant(expected.Port)));
                }
                if (!model.MayTest(expected with { Port = port }, protocol))
                {
                    refusals.Add(new(direction, RefusalKind.PortNotAllowed, Invariant(port)));
                }
            }
        }

        var security = entered.Security ?? expected.Security;
        if (security != expected.Security)
        {
            differences.Add(new(direction, SettingKind.Security,
                MailServiceModel.SecurityLabel(security), MailServiceModel.SecurityLabel(expected.Security)));
        }
        return new MailServer(host, port, security);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
