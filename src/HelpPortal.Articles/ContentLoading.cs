namespace HelpPortal.Articles;

/// <summary>What loading the content folder needs from outside: the placeholder values and the widget names.</summary>
/// <param name="ContentPath">The folder holding <c>articles/{lang}/*.md</c> and <c>categories.yaml</c>.</param>
/// <param name="Placeholders">Values for <c>{{name}}</c> placeholders, without the braces (for example <c>mail.incoming.host</c>).</param>
/// <param name="WidgetNames">The widget names the web layer can render; any other <c>::: name</c> is a content error.</param>
public sealed record ContentLoadOptions(
    string ContentPath,
    IReadOnlyDictionary<string, string> Placeholders,
    IReadOnlySet<string> WidgetNames);

/// <summary>Reads a whole content folder into a catalog, with every problem found on the way.</summary>
public static class ContentLoader
{
    /// <summary>Builds a catalog; never throws for bad content, which goes into <see cref="ContentCatalog.Errors"/>.</summary>
    /// <param name="previous">The catalog in service; a broken article keeps its last good version from it.</param>
    public static ContentCatalog Load(ContentLoadOptions options, ContentCatalog? previous = null) =>
        throw new NotImplementedException("The content pipeline is being built.");
}
