using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HelpPortal.Articles;

/// <summary>The one Markdig pipeline and the one sanitizer, built once and shared by every load.</summary>
internal static class MarkdownSetup
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        // Generic attributes must come last: it hooks into the parsers added before it.
        .UseGenericAttributes()
        .Build();

    /// <summary>
    /// Raw HTML is allowed in articles, so everything rendered passes through here: no scripts, no event
    /// attributes, no <c>javascript:</c> URLs, no <c>data-*</c> attributes. Ids, classes, roles and aria labels are kept because the
    /// table of contents and the callouts depend on them.
    /// </summary>
    /// <remarks>Built on first use: it takes a good part of a second, and plain articles never need it.</remarks>
    public static HtmlSanitizer Sanitizer => LazySanitizer.Value;

    private static readonly Lazy<HtmlSanitizer> LazySanitizer = new(CreateSanitizer);

    /// <summary>A renderer for one article: the shared pipeline's renderers, with callouts labelled in the article's language.</summary>
    public static HtmlRenderer CreateRenderer(TextWriter writer, string lang)
    {
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new ContainerRenderer(lang));
        return renderer;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        // No data-* attributes: the portal's scripts act on them (data-copy, data-url, data-widget ...), so an article
        // must not be able to hand a script its own instructions.
        var sanitizer = new HtmlSanitizer { AllowDataAttributes = false };
        sanitizer.AllowedTags.Add("aside");
        // An article never needs a form; one could post a reader's password anywhere.
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}

/// <summary>
/// Renders <c>::: note</c>, <c>::: tip</c> and <c>::: warning</c> as labelled asides. Widget containers are
/// cut out by the article renderer before they get here; any other name is a content error and renders as nothing.
/// </summary>
internal sealed class ContainerRenderer(string lang) : HtmlObjectRenderer<CustomContainer>
{
    public static IReadOnlySet<string> CalloutNames { get; } = new HashSet<string>(["note", "tip", "warning"], StringComparer.Ordinal);

    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        var kind = container.Info ?? "";
        if (!CalloutNames.Contains(kind))
        {
            return;
        }
        renderer.EnsureLine();
        renderer.Write($"<aside class=\"callout callout-{kind}\" role=\"note\" aria-label=\"{Label(kind, lang)}\">");
        renderer.WriteLine();
        renderer.WriteChildren(container);
        renderer.WriteLine("</aside>");
    }

    public static string Label(string kind, string lang) => (kind, lang) switch
    {
        ("note", "sv") => "Obs",
        ("tip", "sv") => "Tips",
        ("warning", "sv") => "Varning",
        ("note", _) => "Note",
        ("tip", _) => "Tip",
        ("warning", _) => "Warning",
        _ => kind,
    };
}
