using HelpPortal.Articles.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPortal.Articles.Tests.Search;

/// <summary>Small hand-made catalogs for search tests.</summary>
internal static class Corpus
{
    public static Article Article(string lang, string slug, string title, string body = "", string[]? headings = null,
        string[]? tags = null, DateOnly? updated = null, bool draft = false) => new()
    {
        Lang = lang,
        Slug = slug,
        Title = title,
        Summary = "",
        Categories = ["email"],
        Updated = updated ?? new DateOnly(2024, 1, 1),
        Tags = tags ?? [],
        Draft = draft,
        SourcePath = $"articles/{lang}/{slug}.md",
        Revision = "r1",
        Body = [],
        Headings = (headings ?? []).Select((h, i) => new ArticleHeading(2, $"h{i}", h)).ToList(),
        PlainText = body,
    };

    public static ContentCatalog Catalog(long version, params Article[] articles) =>
        new(articles, [new Category("email", new Dictionary<string, string> { ["en"] = "Email", ["sv"] = "E-post" }, 1, null)],
            [], version, DateTimeOffset.UnixEpoch);

    public static SearchService Service(params Article[] articles) => Service(Catalog(1, articles));

    public static SearchService Service(ContentCatalog catalog) =>
        new(new FakeCatalogSource(catalog), NullLogger<SearchService>.Instance);

    public static string[] Slugs(this SearchResult result) => result.Hits.Select(h => h.Article.Slug).ToArray();
}

internal sealed class FakeCatalogSource(ContentCatalog current) : IContentCatalogSource
{
    public ContentCatalog Current { get; private set; } = current;

    public event Action<ContentCatalog>? Changed;

    public void Publish(ContentCatalog catalog)
    {
        Current = catalog;
        Changed?.Invoke(catalog);
    }
}
