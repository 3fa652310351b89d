using System.Globalization;
using HelpPortal.Mail;

namespace HelpPortal.Web.Components.Tester;

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
/// use them: only the configured hosts (or their aliases) and the four mail ports, so no input can point
/// the portal at an arbitrary machine.
/// </summary>
public static class SettingsComparison
{
    public static IReadOnlyList<int> AllowedPorts { get; } = [993, 143, 465, 587];

    public static SettingsCheck Check(MailServiceModel model, IEnumerable<string> aliases, EnteredServer incoming, EnteredServer outgoing)
    {
        var allowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { model.Incoming.Host, model.Outgoing.Host };
        var aliasSet = new HashSet<string>(aliases.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        allowedHosts.UnionWith(aliasSet);

        var differences = new List<SettingsDifference>();
        var refusals = new List<SettingsRefusal>();
        var incomingServer = CheckOne(MailDirection.Incoming, model.Incoming, incoming, allowedHosts, aliasSet, differences, refusals);
        var outgoingServer = CheckOne(MailDirection.Outgoing, model.Outgoing, outgoing, allowedHosts, aliasSet, differences, refusals);
        return refusals.Count > 0
            ? new SettingsCheck(differences, refusals, null, null)
            : new SettingsCheck(differences, refusals, incomingServer, outgoingServer);
    }

    private static MailServer? CheckOne(
        MailDirection direction,
        MailServer expected,
        EnteredServer entered,
        HashSet<string> allowedHosts,
        HashSet<string> aliases,
        List<SettingsDifference> differences,
        List<SettingsRefusal> refusals)
    {
        if (entered.IsEmpty)
        {
            return null;
        }

        var host = expected.Host;
        if (!string.IsNullOrWhiteSpace(entered.Host))
        {
            host = entered.Host.Trim().TrimEnd('.');
            if (!host.Equals(expected.Host, StringComparison.OrdinalIgnoreCase))
            {
                var kind = aliases.Contains(host) ? SettingKind.HostAlias : SettingKind.Host;
                differences.Add(new(direction, kind, host, expected.Host));
            }
            if (!allowedHosts.Contains(host))
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
                if (!AllowedPorts.Contains(port))
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
        return new MailServer(host.ToLowerInvariant(), port, security);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
