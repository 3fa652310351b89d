using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Reader;

namespace HelpPortal.Web.Search;

internal static class SearchFeature
{
    public const string RateLimitPolicy = "search";
    public const string RequestsPerClientPerMinuteKey = SearchOptions.SectionName + ":" + nameof(SearchOptions.RequestsPerClientPerMinute);

    /// <summary>The limit on searching (the index itself is built with the catalog, see <c>AddArticles</c>).</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        // Every search writes a line to the search log, and suggestions arrive on each keystroke: both are
        // public work a single client must not be able to multiply without bound.
        builder.Services.AddPerClientLimit<SearchOptions>(RateLimitPolicy, RequestsPerClientPerMinuteKey, o => o.RequestsPerClientPerMinute);
        return builder;
    }

    /// <summary>As-you-type suggestions (JSON) and the redirect that records which result was opened.</summary>
    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapGet("/{lang}/search/suggest", (string lang, string? q, SearchService search) =>
        {
            if (!ContentCatalog.IsLanguage(lang))
            {
                return Results.NotFound();
            }
            var items = search.Suggest(q, lang)
                .Select(s => new SuggestionItem(s.Title, ReaderUrls.Article(s.Lang, s.Slug)));
            return Results.Ok(items);
        }).RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();

        app.MapGet("/{lang}/search/open", async (string lang, string? slug, long? sid, ISearchLog log, CancellationToken cancellationToken) =>
        {
            if (!ContentCatalog.IsLanguage(lang) || !Slugs.IsValid(slug))
            {
                return Results.BadRequest("lang must be en or sv and slug an article slug ([a-z0-9-]+).");
            }
            if (sid is > 0)
            {
                await log.RecordOpenedAsync(sid.Value, slug!, cancellationToken);
            }
            // Only ever to an article path built here, so the link cannot be turned into an open redirect.
            return Results.Redirect(ReaderUrls.Article(lang, slug!));
        }).RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        return app;
    }
}

/// <summary>One as-you-type suggestion as the search box script receives it.</summary>
internal sealed record SuggestionItem(string Title, string Url);

/// <summary>The <c>Search</c> section of the configuration.</summary>
internal sealed class SearchOptions
{
    public const string SectionName = "Search";

    public int RequestsPerClientPerMinute { get; set; } = 120;
}
