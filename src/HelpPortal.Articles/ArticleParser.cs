// Just over 200 lines: the one pass over one article file (front matter, body checks, segments), kept together.
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpPortal.Articles;

/// <summary>A link or image found in a body, kept for the cross-article checks.</summary>
internal sealed record BodyLink(string Url, int Line, bool IsImage);

/// <summary>One file after parsing: its front matter, its rendered body, and what it refers to.</summary>
internal sealed record ParsedArticle(
    string Path,
    string Lang,
    string Slug,
    FrontMatter FrontMatter,
    IReadOnlyList<ArticleSegment> Body,
    IReadOnlyList<ArticleHeading> Headings,
    IReadOnlySet<string> Anchors,
    IReadOnlyList<BodyLink> Links,
    string PlainText,
    string Revision,
    string Source);

/// <summary>Parses and renders one article file. Problems go into the error list; nothing here throws for bad content.</summary>
internal static class ArticleParser
{
    public static ParsedArticle Parse(string path, string lang, string slug, string source, ContentLoadOptions options, List<ContentError> errors)
    {
        source = source.ReplaceLineEndings("\n");
        var (text, placeholders) = Placeholders.Protect(source, options.Placeholders, path, errors);
        var document = Markdown.Parse(text, MarkdownSetup.Pipeline);

        var frontMatter = ReadFrontMatter(document, source, path, lang, errors);
        frontMatter = frontMatter with
        {
            Title = frontMatter.Title is { } t ? Placeholders.ReplaceInline(t, options.Placeholders, path, frontMatter.LineOf("title"), []) : null,
            Summary = frontMatter.Summary is { } s ? Placeholders.ReplaceInline(s, options.Placeholders, path, frontMatter.LineOf("summary"), []) : null,
        };

        CheckContainers(document, options.WidgetNames, path, errors);
        var (headings, anchors) = CollectHeadings(document, placeholders);
        var links = document.Descendants<LinkInline>()
            .Where(l => !string.IsNullOrEmpty(l.Url))
            .Select(l => new BodyLink(placeholders.Restore(l.Url!, v => v), l.Line + 1, l.IsImage))
            .ToList();

        return new ParsedArticle(
            path, lang, slug, frontMatter,
            Render(document, lang, options.WidgetNames, placeholders, path, errors),
            headings, anchors, links,
            PlainText.Of(document, placeholders),
            Revision(source),
            source);
    }

    /// <summary>A short hash of the source text: feedback is kept per revision, so a rewrite starts fresh.</summary>
    public static string Revision(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];

    private static FrontMatter ReadFrontMatter(MarkdownDocument document, string source, string path, string lang, List<ContentError> errors)
    {
        var block = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        var lines = source.Split('\n');
        if (block is null)
        {
            var message = lines.Length > 0 && lines[0].TrimEnd() == "---"
                ? "front matter is not closed: add a line '---' after it"
                : "front matter is missing: start the file with '---', the fields, and '---'";
            errors.Add(new ContentError(path, 1, message));
            return new FrontMatter();
        }

        // The block spans the delimiter lines; the YAML is what lies between them.
        var openLine = block.Line;
        var closeLine = openLine + 1;
        while (closeLine < lines.Length && lines[closeLine].TrimEnd() is not ("---" or "..."))
        {
            closeLine++;
        }
        var yaml = string.Join('\n', lines[(openLine + 1)..Math.Min(closeLine, lines.Length)]);
        return FrontMatterReader.Read(yaml, openLine + 2, openLine + 1, path, lang, errors);
    }

    private static void CheckContainers(MarkdownDocument document, IReadOnlySet<string> widgetNames, string path, List<ContentError> errors)
    {
        foreach (var container in document.Descendants<CustomContainer>())
        {
            var line = container.Line + 1;
            var name = container.Info ?? "";
            if (container.ClosingFencedCharCount == 0)
            {
                errors.Add(new ContentError(path, line, $"container '::: {name}' is not closed: add a line ':::' after it"));
            }
            if (name.Length == 0)
            {
                errors.Add(new ContentError(path, line, "a container needs a name, for example '::: note'"));
            }
            else if (widgetNames.Contains(name))
            {
                if (container.Parent is not MarkdownDocument)
                {
                    errors.Add(new ContentError(path, line, $"widget '{name}' must stand at the top level, not inside a list, quote or callout"));
                }
                else if (container.Count > 0)
                {
                    errors.Add(new ContentError(path, line, $"widget '{name}' ignores the text inside its container", ContentSeverity.Warning));
                }
                if (!string.IsNullOrWhiteSpace(container.Arguments))
                {
                    errors.Add(new ContentError(path, line, $"widget '{name}' takes nothing after its name; '{container.Arguments.Trim()}' is ignored", ContentSeverity.Warning));
                }
            }
            else if (!ContainerRenderer.CalloutNames.Contains(name))
            {
                var known = string.Join(", ", widgetNames.Order(StringComparer.Ordinal).Concat(ContainerRenderer.CalloutNames));
                errors.Add(new ContentError(path, line, $"unknown widget or callout '{name}' (known: {known})"));
            }
        }
    }

    private static (List<ArticleHeading>, HashSet<string>) CollectHeadings(MarkdownDocument document, Placeholders placeholders)
    {
        var headings = new List<ArticleHeading>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            if (attributes.Id is { } id)
            {
                // A placeholder in a heading would otherwise leave its token in the id.
                attributes.Id = placeholders.Restore(id, Slugify);
                anchors.Add(attributes.Id);
            }
            if (heading.Level is 2 or 3 && attributes.Id is not null)
            {
                headings.Add(new ArticleHeading(heading.Level, attributes.Id, PlainText.OfInline(heading.Inline, placeholders).Trim()));
            }
        }
        foreach (var block in document.Descendants<Block>().Where(b => b is not HeadingBlock))
        {
            if (block.TryGetAttributes()?.Id is { } id)
            {
                anchors.Add(id);
            }
        }
        return (headings, anchors);
    }

    private static string Slugify(string value) =>
        new string(value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>Renders the top-level blocks in order, cutting the HTML at each widget container.</summary>
    private static List<ArticleSegment> Render(
        MarkdownDocument document, string lang, IReadOnlySet<string> widgetNames, Placeholders placeholders, string path, List<ContentError> errors)
    {
        var segments = new List<ArticleSegment>();
        var needsSanitizing = !SafeMarkdown.IsSafe(document);
        using var writer = new StringWriter();
        var renderer = MarkdownSetup.CreateRenderer(writer, lang);

        void Flush()
        {
            var html = writer.ToString();
            writer.GetStringBuilder().Clear();
            if (string.IsNullOrWhiteSpace(html))
            {
                return;
            }
            var safe = needsSanitizing ? MarkdownSetup.Sanitizer.Sanitize(html) : html;
            segments.Add(new HtmlSegment(placeholders.Restore(safe, WebUtility.HtmlEncode)));
        }

        foreach (var block in document)
        {
            if (block is CustomContainer { Info: { } name } && widgetNames.Contains(name))
            {
                Flush();
                segments.Add(new WidgetSegment(name));
                continue;
            }
            renderer.Render(block);
            writer.Flush();
        }
        Flush();
        return segments;
    }
}
