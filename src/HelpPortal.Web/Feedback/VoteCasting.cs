using System.Net;
using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using HelpPortal.Web.Reader;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Feedback;

/// <summary>
/// Stores a checked vote for the request's visitor. A visitor without the cookie is also known by the client network
/// (see <see cref="VoteStore"/>); a store that cannot take the vote gets the reader a 503 page, never a 500.
/// </summary>
internal sealed class VoteCasting(VoteStore votes, VisitorCookie visitors, IStringLocalizer<VoteCasting> text, ILogger<VoteCasting> logger)
{
    /// <summary>Seconds a reader is asked to wait before voting again when the store is down.</summary>
    public const int RetryAfterSeconds = 60;

    /// <returns>Null when the vote was stored; otherwise the answer to send instead.</returns>
    public async Task<IResult?> CastAsync(HttpContext http, Article article, VoteForm form, CancellationToken cancellationToken)
    {
        var (visitor, isNew) = visitors.Identify(http);
        var vote = new VoteInput(visitor, article.Lang, article.Slug, article.Revision, form.Helpful, form.Reason, form.Comment)
        {
            // Without an address (an in-process test host) there is no network to recognise.
            ClientNetwork = http.Connection.RemoteIpAddress is null ? null : ClientPartition.Key(http),
            NewVisitor = isNew,
        };
        try
        {
            await votes.CastAsync(vote, cancellationToken);
            return null;
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e))
        {
            // The vote is one transaction, so nothing of it was kept.
            logger.LogWarning("A vote was not stored: the store did not take it ({Error}).", e.GetType().Name);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Content(NotSavedPage(article), "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private string NotSavedPage(Article article)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var back = ReaderUrls.Article(article.Lang, article.Slug);
        return $"""
            <!DOCTYPE html>
            <html lang="{E(article.Lang)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(text["Title"])}</title></head>
            <body>
            <main>
            <h1>{E(text["Title"])}</h1>
            <p>{E(text["Explanation"])}</p>
            <p><a href="{E(back)}#feedback">{E(text["Back", article.Title])}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
