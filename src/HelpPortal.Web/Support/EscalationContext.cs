using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Reader;

namespace HelpPortal.Web.Support;

/// <summary>
/// What happened on an article for this visitor, read on the server: the vote and reason from the store (by the
/// visitor cookie), the verdict code the page handed over (checked against the known codes).
/// </summary>
internal sealed class EscalationContext(IContentCatalogSource catalogs, VoteStore votes, VisitorCookie visitors, ILogger<EscalationContext> logger)
{
    public Article? FindArticle(string lang, string? slug) =>
        ContentCatalog.IsLanguage(lang) && Slugs.IsValid(slug) && catalogs.Current.Find(lang, slug!) is { Draft: false } article
            ? article
            : null;

    /// <summary>Everything that could be passed on; the reader then chooses what is.</summary>
    public async Task<EscalationValues> ReadAsync(HttpContext http, Article article, string? diagnosis, CancellationToken cancellationToken)
    {
        Vote? vote = null;
        if (visitors.Find(http) is { } visitor)
        {
            try
            {
                vote = await votes.FindAsync(visitor, article.Lang, article.Slug, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without the store the reader still reaches support, only without the vote.
                logger.LogWarning(e, "The vote could not be read for an escalation");
            }
        }
        return new EscalationValues(
            article.Slug,
            article.Lang,
            vote is null ? null : vote.Helpful ? "yes" : "no",
            vote is { Helpful: false } ? vote.Reason : null,
            EscalationFields.CheckDiagnosis(diagnosis));
    }

    /// <summary>Only what the reader ticked.</summary>
    public static EscalationValues Consented(EscalationValues all, IReadOnlyCollection<string> shared) => new(
        shared.Contains(EscalationFields.Article) ? all.Article : null,
        shared.Contains(EscalationFields.Article) ? all.Lang : null,
        shared.Contains(EscalationFields.Vote) ? all.Vote : null,
        shared.Contains(EscalationFields.Vote) ? all.Reason : null,
        shared.Contains(EscalationFields.Diagnosis) ? all.Diagnosis : null);
}
