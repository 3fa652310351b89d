using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpPortal.Articles;

/// <summary>
/// Decides whether Markdig's own output can skip the sanitizer. Markdig escapes text and attribute values,
/// so its HTML is unsafe only through raw HTML, a link or image with a dangerous scheme, or an attribute
/// written with <c>{...}</c>. A document with none of these is emitted as Markdig wrote it; anything else
/// goes through the sanitizer whole. Sanitizing costs far more than parsing, and most articles are plain.
/// </summary>
internal static partial class SafeMarkdown
{
    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    public static bool IsSafe(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    return false;
                case LinkInline link when !IsSafeUrl(link.Url):
                    return false;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    return false;
            }
            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties }
                && properties.Any(p => !SafeAttribute().IsMatch(p.Key)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A relative URL, or one whose scheme is on the short list.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so judge without them.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }
        var end = compact.IndexOfAny(['/', '?', '#']);
        if (end >= 0 && end < colon)
        {
            return true;
        }
        return SafeSchemes.Contains(compact[..colon]);
    }

    // No data-*: those go to the sanitizer, which removes them (the portal's scripts act on data attributes).
    [GeneratedRegex("^(?:aria-[a-z-]+|role|title|lang|dir)$")]
    private static partial Regex SafeAttribute();
}
