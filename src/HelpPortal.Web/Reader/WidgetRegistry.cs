using HelpPortal.Web.ClientProfiles;
using HelpPortal.Web.DomainCheck;
using HelpPortal.Web.Tester;

namespace HelpPortal.Web.Reader;

/// <summary>
/// The widget names an article may place with <c>::: name</c>, and the component each one renders.
/// Every widget component takes <c>Lang</c> and <c>ArticleSlug</c> parameters; an interactive one declares
/// its own render mode, so the article around it stays static.
/// </summary>
public static class WidgetRegistry
{
    private static readonly Dictionary<string, Type> Widgets = new(StringComparer.Ordinal)
    {
        ["mail-settings"] = typeof(MailSettingsWidget),
        ["sending-limits"] = typeof(SendingLimitsWidget),
        ["mail-tester"] = typeof(MailTesterWidget),
        ["client-setup"] = typeof(ClientSetupWidget),
        ["domain-check"] = typeof(DomainCheckWidget),
    };

    public static IReadOnlySet<string> Names { get; } = Widgets.Keys.ToHashSet(StringComparer.Ordinal);

    public static Type? Find(string name) => Widgets.GetValueOrDefault(name);
}
