namespace HelpPortal.Articles;

/// <summary>
/// An immutable snapshot of the content folder. A new one is built on every reload and swapped in whole,
/// so a reader never sees half of one version and half of another.
/// </summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<(string Lang, string Slug), Article> _articles;

    public ContentCatalog(
        IEnumerable<Article> articles,
        IEnumerable<Category> categories,
        IEnumerable<ContentError> errors,
        long version,
        DateTimeOffset loadedAt)
    {
        _articles = articles.ToDictionary(a => (a.Lang, a.Slug));
        Categories = categories.OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        CategoriesById = Categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Errors = errors.ToList();
        Version = version;
        LoadedAt = loadedAt;
    }

    /// <summary>The language of a page whose address names none; the first of <see cref="Languages"/>.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The languages the portal serves: the one list every part of it reads.</summary>
    public static IReadOnlyList<string> Languages { get; } = [DefaultLanguage, "sv"];

    public static ContentCatalog Empty { get; } = new([], [], [], 0, DateTimeOffset.MinValue);

    public long Version { get; }
    public DateTimeOffset LoadedAt { get; }
    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyDictionary<string, Category> CategoriesById { get; }
    /// <summary>Problems found at the last load, errors and warnings.</summary>
    public IReadOnlyList<ContentError> Errors { get; }

    /// <summary>Every article, drafts included.</summary>
    public IEnumerable<Article> AllArticles => _articles.Values;

    /// <summary>Published (non-draft) articles of one language.</summary>
    public IEnumerable<Article> Published(string lang) =>
        _articles.Values.Where(a => a.Lang == lang && !a.Draft);

    public Article? Find(string lang, string slug) =>
        _articles.TryGetValue((lang, slug), out var article) ? article : null;

    /// <summary>
    /// The published article in <paramref name="lang"/> that is the default language's <paramref name="defaultSlug"/>
    /// or its translation, or null. Code names an article by its default-language slug and follows the translations
    /// the editors wrote, so no other language's slug is written in code.
    /// </summary>
    public Article? InLanguage(string defaultSlug, string lang)
    {
        if (Find(DefaultLanguage, defaultSlug) is not { } original)
        {
            return null;
        }
        var article = lang == DefaultLanguage ? original
            : original.Translations.TryGetValue(lang, out var slug) ? Find(lang, slug) : null;
        return article is { Draft: false } ? article : null;
    }

    public IEnumerable<Category> Children(string? parentId) =>
        Categories.Where(c => c.Parent == parentId);

    /// <summary>The trail from the root down to <paramref name="categoryId"/>, for a breadcrumb.</summary>
    public IReadOnlyList<Category> Trail(string categoryId)
    {
        var trail = new List<Category>();
        var seen = new HashSet<string>();
        for (var id = categoryId; id is not null && seen.Add(id) && CategoriesById.TryGetValue(id, out var c); id = c.Parent)
        {
            trail.Insert(0, c);
        }
        return trail;
    }

    public static bool IsLanguage(string? lang) => lang is not null && Languages.Contains(lang);
}

/// <summary>Gives the current catalog; the web layer and the search index read it, the loader replaces it.</summary>
public interface IContentCatalogSource
{
    ContentCatalog Current { get; }

    /// <summary>Raised after a new catalog has been swapped in.</summary>
    event Action<ContentCatalog>? Changed;
}
