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
        builder.Services.AddSingleton<SearchClicks>();
        // Every search writes a line to the search log, and suggestions arrive on each keystroke: both are
        // public work a single client must not be able to multiply without bound.
        builder.Services.AddPerClientLimit<SearchOptions>(RateLimitPolicy, RequestsPerClientPerMinuteKey, o => o.RequestsPerClientPerMinute);
        return builder;
    }

    /// <summary>As-you-type suggestions (JSON), and the ping and old redirect that record which result was opened.</summary>
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

        app.MapPost(ContentGapEndpoint.Path, ContentGapEndpoint.HandleAsync)
            .DisableAntiforgery() // validated inside, so a missing token gets a 400 with a reason
            .RequireAuthorization(StaffRoles.SupportLead).ExcludeFromDescription();
        app.MapGet("/{lang}/search/open", SearchClicks.RedirectAsync).RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        // A ping carries no form and no antiforgery token; the signed, visitor-bound token is what it is checked by.
        app.MapPost("/{lang}/search/open", SearchClicks.PingAsync)
            .DisableAntiforgery().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
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
