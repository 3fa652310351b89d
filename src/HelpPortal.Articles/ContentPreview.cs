namespace HelpPortal.Articles;

/// <summary>An article rendered from text that is not (yet) a file, with the problems check-content would report.</summary>
/// <param name="Article">The rendered article, even when it has errors, so an editor sees what they wrote.</param>
public sealed record ArticlePreview(Article Article, IReadOnlyList<ContentError> Errors);

/// <summary>Renders Markdown typed by an editor with the same pipeline, placeholders, widgets and checks as a load.</summary>
public static class ContentPreview
{
    /// <param name="catalog">The catalog in service: categories, related articles and link targets are checked against it.</param>
    public static ArticlePreview Render(ContentLoadOptions options, ContentCatalog catalog, string lang, string slug, string markdown)
    {
        var path = $"articles/{lang}/{slug}.md";
        var errors = new List<ContentError>();
        var parsed = ArticleParser.Parse(path, lang, slug, markdown, options, errors);

        // The other articles stand in as already parsed; their anchors are the headings the catalog kept.
        var others = catalog.AllArticles
            .Where(a => !(a.Lang == lang && a.Slug == slug))
            .Select(a => new ParsedArticle(
                a.SourcePath, a.Lang, a.Slug,
                new FrontMatter { Title = a.Title, Updated = a.Updated, Translations = a.Translations, Categories = a.Categories, Related = a.Related },
                a.Body, a.Headings, a.Headings.Select(h => h.Id).ToHashSet(StringComparer.Ordinal), [], a.PlainText, a.Revision, ""))
            .ToList();
        var crossErrors = new List<ContentError>();
        // Only the typed article is checked: this runs on every pause in typing, not once per reload.
        ContentChecks.Run([parsed, .. others], catalog.Categories.ToList(), options, crossErrors, onlyThese: [parsed]);
        errors.AddRange(crossErrors.Where(e => e.Path == path));

        var ordered = errors.Distinct().OrderBy(e => e.Line).ToList();
        return new ArticlePreview(ContentLoader.ToArticle(parsed), ordered);
    }
}
