using System.Globalization;
using HelpPortal.Articles;

namespace HelpPortal.Web.Reader;

/// <summary>The two languages of the portal and the culture each one formats dates and numbers with.</summary>
public static class PortalLanguage
{
    public const string Default = "en";

    public static CultureInfo Culture(string lang) => CultureInfo.GetCultureInfo(lang);

    /// <summary>The language the current request was localized to (path, then cookie, then Accept-Language).</summary>
    public static string Current()
    {
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return ContentCatalog.IsLanguage(name) ? name : Default;
    }

    public static IEnumerable<string> Others(string lang) => ContentCatalog.Languages.Where(l => l != lang);

    /// <summary>The language named by the first segment of a path, or null.</summary>
    public static string? FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        var first = path.TrimStart('/').Split('/', 2)[0];
        return ContentCatalog.IsLanguage(first) ? first : null;
    }
}
