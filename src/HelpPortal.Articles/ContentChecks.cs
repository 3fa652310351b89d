namespace HelpPortal.Articles;

/// <summary>
/// The checks that need more than one file: categories, related and translated articles, internal links and
/// anchors, images, and translations that drift apart. Each finding is reported at the line that causes it.
/// </summary>
internal static class ContentChecks
{
    /// <summary>Translations updated further apart than this are probably out of step.</summary>
    public const int StaleTranslationDays = 180;

    /// <param name="onlyThese">The articles whose findings are wanted (the preview's one article); all of them when null.
    /// The others still serve as link, related and translation targets.</param>
    public static void Run(List<ParsedArticle> articles, List<Category> categories, ContentLoadOptions options, List<ContentError> errors,
        IReadOnlyList<ParsedArticle>? onlyThese = null)
    {
        var checkedArticles = onlyThese ?? articles;
        var categoryIds = categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var bySlug = articles
            .GroupBy(a => (a.Lang, a.Slug))
            .ToDictionary(g => g.Key, g => g.First());

        ReportDuplicateSlugs(articles, errors);
        var hosts = MailLiterals.ConfiguredHosts(options);
        // The checks only read the other articles, so they run in parallel; each article's findings keep their order.
        var found = new List<ContentError>[checkedArticles.Count];
        Parallel.For(0, checkedArticles.Count, i =>
        {
            var article = checkedArticles[i];
            var articleErrors = new List<ContentError>();
            var fm = article.FrontMatter;
            foreach (var id in fm.Categories.Where(id => !categoryIds.Contains(id)))
            {
                articleErrors.Add(new ContentError(article.Path, fm.LineOf("categories"), $"unknown category '{id}' (not in categories.yaml)"));
            }
            foreach (var slug in fm.Related.Where(s => Slugs.IsValid(s) && !bySlug.ContainsKey((article.Lang, s))))
            {
                articleErrors.Add(new ContentError(article.Path, fm.LineOf("related"), $"related article '{slug}' does not exist in articles/{article.Lang}/"));
            }
            CheckTranslations(article, bySlug, articleErrors);
            CheckLinks(article, bySlug, categoryIds, options, articleErrors);
            MailLiterals.Check(article, hosts, options, articleErrors);
            found[i] = articleErrors;
        });
        foreach (var articleErrors in found)
        {
            errors.AddRange(articleErrors);
        }
    }

    private static void ReportDuplicateSlugs(List<ParsedArticle> articles, List<ContentError> errors)
    {
        // Case-folded, because a case-insensitive file system or URL would make these the same article.
        foreach (var group in articles.GroupBy(a => (a.Lang, Slug: a.Slug.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            foreach (var article in group)
            {
                var others = string.Join(", ", group.Where(a => a != article).Select(a => a.Path));
                errors.Add(new ContentError(article.Path, 0, $"duplicate slug '{group.Key.Slug}' (also {others})"));
            }
        }
    }

    private static void CheckTranslations(ParsedArticle article, Dictionary<(string, string), ParsedArticle> bySlug, List<ContentError> errors)
    {
        var fm = article.FrontMatter;
        foreach (var lang in ContentCatalog.Languages.Where(l => l != article.Lang))
        {
            if (!fm.Translations.TryGetValue(lang, out var slug))
            {
                errors.Add(new ContentError(article.Path, fm.LineOf("translations"), $"no '{lang}' translation", ContentSeverity.Warning));
                continue;
            }
            if (!bySlug.TryGetValue((lang, slug), out var translation))
            {
                errors.Add(new ContentError(article.Path, fm.LineOf("translations"), $"translation '{slug}' does not exist in articles/{lang}/"));
                continue;
            }
            if (fm.Updated is { } mine && translation.FrontMatter.Updated is { } theirs
                && theirs.DayNumber - mine.DayNumber > StaleTranslationDays)
            {
                errors.Add(new ContentError(article.Path, fm.LineOf("updated"),
                    $"updated {theirs.DayNumber - mine.DayNumber} days before its translation {translation.Path}; it may be out of date",
                    ContentSeverity.Warning));
            }
        }
    }

    private static void CheckLinks(
        ParsedArticle article, Dictionary<(string, string), ParsedArticle> bySlug, HashSet<string> categoryIds,
        ContentLoadOptions options, List<ContentError> errors)
    {
        foreach (var link in article.Links)
        {
            var url = link.Url.Trim();
            if (link.IsImage)
            {
                CheckImage(article, link, url, options, errors);
                continue;
            }
            if (url.StartsWith('#'))
            {
                var anchor = Uri.UnescapeDataString(url[1..]);
                if (anchor.Length > 0 && !article.Anchors.Contains(anchor))
                {
                    errors.Add(new ContentError(article.Path, link.Line, $"link to '#{anchor}': no heading with that id in this article"));
                }
                continue;
            }
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var (pathPart, anchorPart) = SplitAnchor(url);
            var segments = pathPart.Trim('/').Split('/');
            if (segments.Length == 3 && ContentCatalog.IsLanguage(segments[0]) && segments[1] == "articles")
            {
                if (!bySlug.TryGetValue((segments[0], segments[2]), out var target))
                {
                    errors.Add(new ContentError(article.Path, link.Line, $"link to '{url}': no article '{segments[2]}' in articles/{segments[0]}/"));
                }
                else if (anchorPart is { Length: > 0 } anchor && !target.Anchors.Contains(anchor))
                {
                    errors.Add(new ContentError(article.Path, link.Line, $"link to '{url}': {target.Path} has no heading with id '{anchor}'"));
                }
            }
            else if (segments.Length == 3 && ContentCatalog.IsLanguage(segments[0]) && segments[1] == "categories" && !categoryIds.Contains(segments[2]))
            {
                errors.Add(new ContentError(article.Path, link.Line, $"link to '{url}': no category '{segments[2]}'"));
            }
            else if (segments.Length >= 2 && ContentCatalog.IsLanguage(segments[0]) && segments[1] == "articles")
            {
                errors.Add(new ContentError(article.Path, link.Line, $"link to '{url}': article links look like /{segments[0]}/articles/slug"));
            }
        }
    }

    private static void CheckImage(ParsedArticle article, BodyLink link, string url, ContentLoadOptions options, List<ContentError> errors)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "data")
        {
            return;
        }
        var (pathPart, _) = SplitAnchor(url.Split('?')[0]);
        var relative = Uri.UnescapeDataString(pathPart);
        var candidates = new List<(string Root, string File)>();
        if (relative.StartsWith('/'))
        {
            if (options.AssetsPath is null)
            {
                return;
            }
            candidates.Add((options.AssetsPath, Path.Combine(options.AssetsPath, relative.TrimStart('/'))));
        }
        else
        {
            var articleDir = Path.GetDirectoryName(Path.Combine(options.ContentPath, article.Path))!;
            candidates.Add((options.ContentPath, Path.Combine(articleDir, relative)));
            if (options.AssetsPath is not null)
            {
                candidates.Add((options.AssetsPath, Path.Combine(options.AssetsPath, relative)));
            }
        }
        // A path that leaves its folder is refused without looking: the preview shows these messages to editors, and
        // "does not exist" against silence would tell them which files exist anywhere on the server.
        var inside = candidates.Where(c => IsInside(c.Root, c.File)).Select(c => c.File).ToList();
        if (inside.Count == 0)
        {
            errors.Add(new ContentError(article.Path, link.Line, $"image '{url}' points outside the content and assets folders"));
        }
        else if (!inside.Any(File.Exists))
        {
            var where = options.AssetsPath is null ? "next to the article" : "in the assets folder or next to the article";
            errors.Add(new ContentError(article.Path, link.Line, $"image '{url}' does not exist {where}"));
        }
    }

    private static bool IsInside(string root, string file)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(file).StartsWith(fullRoot, StringComparison.Ordinal);
    }

    private static (string Path, string? Anchor) SplitAnchor(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? (url, null) : (url[..hash], Uri.UnescapeDataString(url[(hash + 1)..]));
    }
}
