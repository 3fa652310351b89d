using System.Globalization;
using System.Security.Cryptography;
using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.DataProtection;

namespace HelpPortal.Web.Search;

/// <summary>
/// Which result a reader opened from a search. The results page signs each search's id together with the
/// visitor's id (the visitor cookie), valid for a day; a click counts only with a token that names this visitor,
/// so nobody can mark other people's searches as opened by guessing ids.
/// </summary>
internal sealed class SearchClicks(IDataProtectionProvider protection, VisitorCookie visitors, ISearchLog log, ILogger<SearchClicks> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("HelpPortal.Search.Click.v1").ToTimeLimitedDataProtector();

    /// <summary>The token for one search made by this visitor (issuing the visitor cookie if needed); call before the response starts.</summary>
    public string Token(HttpContext http, long searchId) => _protector.Protect(Payload(searchId, visitors.GetOrIssue(http)), Lifetime);

    /// <summary>The URL a result link pings when opened (<c>a ping</c>, or the beacon where ping is off).</summary>
    public static string PingUrl(string lang, string slug, long searchId, string token) =>
        $"/{lang}/search/open?sid={searchId}&slug={Uri.EscapeDataString(slug)}&t={Uri.EscapeDataString(token)}";

    /// <summary>Records the click when the token is this visitor's; a store that does not answer loses the click, nothing else.</summary>
    public async Task RecordAsync(HttpContext http, long? searchId, string slug, string? token, CancellationToken cancellationToken)
    {
        if (searchId is not > 0 || string.IsNullOrEmpty(token) || token.Length > 1024 || visitors.Find(http) is not { } visitor)
        {
            return;
        }
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(_protector.Unprotect(token)),
                    System.Text.Encoding.UTF8.GetBytes(Payload(searchId.Value, visitor))))
            {
                return;
            }
        }
        catch (CryptographicException)
        {
            return; // tampered, expired or from before a key change
        }
        try
        {
            await log.RecordOpenedAsync(searchId.Value, slug, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counting is best effort: the reader still gets the article.
            logger.LogWarning(e, "A search click could not be recorded");
        }
    }

    private static string Payload(long searchId, string visitor) => searchId.ToString(CultureInfo.InvariantCulture) + ":" + visitor;

    /// <summary>
    /// <c>GET /{lang}/search/open</c>: the redirect that old result links use. It always redirects to the
    /// article, whatever happens to the count; only a bad language or slug gets a 400.
    /// </summary>
    public static async Task<IResult> RedirectAsync(
        string lang, string? slug, long? sid, string? t, HttpContext http, SearchClicks clicks, CancellationToken cancellationToken)
    {
        if (!ContentCatalog.IsLanguage(lang) || !Slugs.IsValid(slug))
        {
            return Results.BadRequest("lang must be en or sv and slug an article slug ([a-z0-9-]+).");
        }
        await clicks.RecordAsync(http, sid, slug!, t, cancellationToken);
        // Only ever to an article path built here, so the link cannot be turned into an open redirect.
        return Results.Redirect(ReaderUrls.Article(lang, slug!));
    }

    /// <summary><c>POST /{lang}/search/open</c>: the ping a browser sends beside following the link; it never blocks it.</summary>
    public static async Task<IResult> PingAsync(
        string lang, string? slug, long? sid, string? t, HttpContext http, SearchClicks clicks, CancellationToken cancellationToken)
    {
        if (!ContentCatalog.IsLanguage(lang) || !Slugs.IsValid(slug))
        {
            return Results.BadRequest("lang must be en or sv and slug an article slug ([a-z0-9-]+).");
        }
        await clicks.RecordAsync(http, sid, slug!, t, cancellationToken);
        return Results.NoContent();
    }
}
