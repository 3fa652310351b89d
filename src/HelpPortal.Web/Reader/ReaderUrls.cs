using System.Text.RegularExpressions;

namespace HelpPortal.Web.Reader;

/// <summary>The reader-facing URLs of CONTRACT.md section 4, built in one place.</summary>
public static partial class ReaderUrls
{
    /// <summary>Whether <paramref name="slug"/> can name an article at all (CONTRACT.md section 3).</summary>
    public static bool IsSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public static string Home(string lang) => $"/{lang}";

    public static string Category(string lang, string id) => $"/{lang}/categories/{Uri.EscapeDataString(id)}";

    public static string Article(string lang, string slug) => $"/{lang}/articles/{Uri.EscapeDataString(slug)}";

    public static string Search(string lang) => $"/{lang}/search";

    [GeneratedRegex(@"^[a-z0-9-]+\z")]
    private static partial Regex SlugPattern();
}
