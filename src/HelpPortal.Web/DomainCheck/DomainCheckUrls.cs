namespace HelpPortal.Web.DomainCheck;

/// <summary>The check's own page, <c>/{lang}/domain-check?domain=...</c> (README, "Domain check").</summary>
public static class DomainCheckUrls
{
    public static string Page(string lang) => $"/{lang}/domain-check";

    public static string Page(string lang, string domain) => $"{Page(lang)}?domain={Uri.EscapeDataString(domain)}";
}
