using System.Globalization;
using HelpPortal.Articles;

namespace HelpPortal.Web.Reader;

/// <summary>
/// The portal's languages as the web side uses them (the list itself is <see cref="ContentCatalog.Languages"/>):
/// the culture each one formats dates and numbers with, and the name each one calls itself.
/// </summary>
public static class PortalLanguage
{
    public const string Default = ContentCatalog.DefaultLanguage;

    public static CultureInfo Culture(string lang) => CultureInfo.GetCultureInfo(lang);

    /// <summary><paramref name="lang"/> when the portal serves it, else <see cref="Default"/>.</summary>
    public static string OrDefault(string? lang) => ContentCatalog.IsLanguage(lang) ? lang! : Default;

    /// <summary>The language's name for itself, so a reader who cannot read this page still finds their own.</summary>
    public static string Endonym(string lang) => lang switch
    {
        "sv" => "Svenska",
        _ => "English",
    };

    /// <summary>The language the current request was localized to (path, then cookie, then Accept-Language).</summary>
    public static string Current()
    {
        return OrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
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
