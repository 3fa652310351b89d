namespace HelpPortal.Articles;

/// <summary>What loading the content folder needs from outside: the placeholder values and the widget names.</summary>
/// <param name="ContentPath">The folder holding <c>articles/{lang}/*.md</c> and <c>categories.yaml</c>.</param>
/// <param name="Placeholders">Values for <c>{{name}}</c> placeholders, without the braces (for example <c>mail.incoming.host</c>).</param>
/// <param name="WidgetNames">The widget names the web layer can render; any other <c>::: name</c> is a content error.</param>
/// <param name="AssetsPath">The site's asset folder; an image path starting with <c>/</c> must exist there. Null skips that check.</param>
public sealed record ContentLoadOptions(
    string ContentPath,
    IReadOnlyDictionary<string, string> Placeholders,
    IReadOnlySet<string> WidgetNames,
    string? AssetsPath = null)
{
    /// <summary>
    /// The mail servers whose host and port articles must not write out (they use the placeholders instead). The
    /// host that hands the placeholders in says which keys name them; with none, hosts and ports go unchecked.
    /// </summary>
    public IReadOnlyList<ServerPlaceholders> Servers { get; init; } = [];
}

/// <summary>One server as the placeholders name it: the word articles use for it (IMAP, SMTP) and its host and port keys.</summary>
public sealed record ServerPlaceholders(string Protocol, string HostKey, string PortKey);

/// <summary>Reads a whole content folder into a catalog, with every problem found on the way.</summary>
public static class ContentLoader
{
    /// <summary>Builds a catalog; never throws for bad content, which goes into <see cref="ContentCatalog.Errors"/>.</summary>
    /// <param name="previous">The catalog in service; a broken article keeps its last good version from it.</param>
    public static ContentCatalog Load(ContentLoadOptions options, ContentCatalog? previous = null)
    {
        var errors = new List<ContentError>();
        var categories = CategoryReader.Read(options.ContentPath, errors);
        var parsed = ReadArticles(options, errors);
        ContentChecks.Run(parsed, categories, options, errors);

        var broken = errors.Where(e => e.Severity == ContentSeverity.Error).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var articles = new List<Article>();
        var published = new HashSet<(string, string)>();
        foreach (var article in parsed)
        {
            if (!broken.Contains(article.Path))
            {
                articles.Add(ToArticle(article));
                published.Add((article.Lang, article.Slug));
            }
        }
        // A broken article keeps serving its last good version, and so does one whose file was lost to an error
        // elsewhere (for example a duplicate slug); an article whose file was deleted goes away.
        foreach (var article in parsed.Where(a => broken.Contains(a.Path)))
        {
            if (previous?.Find(article.Lang, article.Slug) is { } lastGood && published.Add((article.Lang, article.Slug)))
            {
                articles.Add(lastGood);
            }
        }

        var ordered = errors
            .Distinct()
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ToList();
        return new ContentCatalog(articles, categories, ordered, (previous?.Version ?? 0) + 1, DateTimeOffset.UtcNow);
    }

    private static List<ParsedArticle> ReadArticles(ContentLoadOptions options, List<ContentError> errors)
    {
        var articlesDir = Path.Combine(options.ContentPath, "articles");
        if (!Directory.Exists(articlesDir))
        {
            errors.Add(new ContentError("articles", 0, "the articles folder is missing"));
            return [];
        }
        var files = Directory.EnumerateFiles(articlesDir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var results = new (ParsedArticle? Article, List<ContentError> Errors)[files.Length];
        // Files are independent until the cross-file checks, so they are parsed in parallel; the results keep file order.
        Parallel.For(0, files.Length, i =>
        {
            var fileErrors = new List<ContentError>();
            results[i] = (ReadArticle(options, files[i], fileErrors), fileErrors);
        });
        var parsed = new List<ParsedArticle>();
        foreach (var (article, fileErrors) in results)
        {
            errors.AddRange(fileErrors);
            if (article is not null)
            {
                parsed.Add(article);
            }
        }
        return parsed;
    }

    private static ParsedArticle? ReadArticle(ContentLoadOptions options, string file, List<ContentError> errors)
    {
        var path = Path.GetRelativePath(options.ContentPath, file).Replace('\\', '/');
        var parts = path.Split('/');
        if (parts.Length != 3)
        {
            errors.Add(new ContentError(path, 0, "an article must sit directly in articles/en/ or articles/sv/"));
            return null;
        }
        var lang = parts[1];
        var slug = Path.GetFileNameWithoutExtension(parts[2]);
        if (!ContentCatalog.IsLanguage(lang))
        {
            errors.Add(new ContentError(path, 0, $"language folder '{lang}' must be one of {string.Join(", ", ContentCatalog.Languages)}"));
            return null;
        }
        if (!Slugs.IsValid(slug))
        {
            errors.Add(new ContentError(path, 0, $"file name '{slug}' is not a valid slug: use only a-z, 0-9 and '-'"));
        }
        string source;
        try
        {
            source = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            // An editor's program may hold the file mid-save; the next change event reloads it.
            errors.Add(new ContentError(path, 0, $"could not be read: {ex.Message}"));
            return null;
        }
        try
        {
            return ArticleParser.Parse(path, lang, slug, source, options, errors);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a file contains, the rest of the site must still load.
            errors.Add(new ContentError(path, 0, $"could not be processed: {ex.Message}"));
            return null;
        }
    }

    internal static Article ToArticle(ParsedArticle a) => new()
    {
        Lang = a.Lang,
        Slug = a.Slug,
        Title = a.FrontMatter.Title ?? a.Slug,
        Summary = a.FrontMatter.Summary ?? "",
        Categories = a.FrontMatter.Categories,
        Updated = a.FrontMatter.Updated ?? DateOnly.MinValue,
        Level = a.FrontMatter.Level,
        Related = a.FrontMatter.Related,
        Translations = a.FrontMatter.Translations,
        Tags = a.FrontMatter.Tags,
        Draft = a.FrontMatter.Draft,
        SourcePath = a.Path,
        Revision = a.Revision,
        Body = a.Body,
        Headings = a.Headings,
        PlainText = a.PlainText,
    };
}
