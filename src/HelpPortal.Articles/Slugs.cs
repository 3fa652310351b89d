using System.Text.RegularExpressions;

namespace HelpPortal.Articles;

/// <summary>
/// The one rule for slugs and category ids (content/README.md): lower-case letters, digits and hyphens. It decides
/// which files are articles, which links may point at them and which URL segments can name one at all.
/// </summary>
public static partial class Slugs
{
    /// <summary>The rule as an HTML <c>pattern</c> attribute (anchored by the browser).</summary>
    public const string Pattern = "[a-z0-9-]+";

    public static bool IsValid(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^" + Pattern + @"\z")]
    private static partial Regex SlugPattern();
}
