using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpPortal.Articles;

/// <summary>The words of a body without markup, with placeholder values in place, for search and headings.</summary>
internal static partial class PlainText
{
    public static string Of(MarkdownDocument document, Placeholders placeholders)
    {
        var text = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is YamlFrontMatterBlock)
            {
                continue;
            }
            if (leaf is HtmlBlock html)
            {
                // Raw HTML counts by its visible words only; the sanitizer drops scripts and their text.
                var safe = MarkdownSetup.Sanitizer.Sanitize(html.Lines.ToString());
                text.Append(System.Net.WebUtility.HtmlDecode(Tags().Replace(safe, " ")));
            }
            else if (leaf.Inline is { } inline)
            {
                AppendInline(text, inline);
            }
            else if (leaf.Lines.Count > 0)
            {
                text.Append(leaf.Lines.ToString());
            }
            text.Append('\n');
        }
        return placeholders.Restore(text.ToString(), v => v).Trim();
    }

    public static string OfInline(ContainerInline? inline, Placeholders placeholders)
    {
        if (inline is null)
        {
            return "";
        }
        var text = new StringBuilder();
        AppendInline(text, inline);
        return placeholders.Restore(text.ToString(), v => v);
    }

    private static void AppendInline(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case HtmlInline:
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline nested:
                    AppendInline(text, nested);
                    break;
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tags();
}
