using HelpPortal.Articles;
using HelpPortal.Feedback;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Support;

/// <summary>
/// <c>POST /{lang}/support/send</c>: the reader agreed on the support page. Counts the escalation (article, and
/// the verdict code if shared), then sends the reader on with exactly the ticked details: 303 to the support
/// form's URL or to a <c>mailto:</c>.
/// </summary>
internal static class SupportEndpoint
{
    public static string Path(string lang) => $"/{lang}/support/send";

    public static async Task<IResult> HandleAsync(
        string lang, HttpContext http, IAntiforgery antiforgery, EscalationContext context, EscalationLog escalations,
        IOptions<SupportOptions> support, IStringLocalizer<SupportPage> text, ILogger<EscalationContext> logger, CancellationToken cancellationToken)
    {
        if (!ContentCatalog.IsLanguage(lang))
        {
            return Results.NotFound();
        }
        if (!http.Request.HasFormContentType || http.Request.ContentLength > 4096)
        {
            return BadRequest("The choice is sent as a small form.");
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest("The form's security token is missing or has expired. Go back, reload the page and try again.");
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var via = form["via"].Count == 1 ? form["via"][0] : null;
        var options = support.Value;
        if (via is not ("url" or "email") || (via == "url" ? options.Url : options.Email) is not { Length: > 0 } target)
        {
            return BadRequest("via must be url or email, and that way to support must be configured.");
        }

        var values = EscalationValues.None;
        if (context.FindArticle(lang, form["article"].Count == 1 ? form["article"][0] : null) is { } article)
        {
            var all = await context.ReadAsync(http, article, form["diagnosis"].Count == 1 ? form["diagnosis"][0] : null, cancellationToken);
            values = EscalationContext.Consented(all, form["share"].OfType<string>().ToHashSet(StringComparer.Ordinal));
            try
            {
                await escalations.RecordAsync(article.Lang, article.Slug, values.Diagnosis, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Counting is best effort; the reader still reaches support.
                logger.LogWarning(e, "An escalation could not be counted");
            }
        }

        var location = via == "url" ? SupportLink.Fill(target, values) : SupportLink.MailTo(target, Subject(values, text), Body(values, text));
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static string Subject(EscalationValues values, IStringLocalizer text) =>
        values.Article is null ? text["MailSubject"] : text["MailSubjectArticle", values.Article];

    private static string Body(EscalationValues values, IStringLocalizer text)
    {
        var lines = new List<string> { text["MailBodyIntro"], "" };
        if (values.Article is not null)
        {
            lines.Add(text["MailArticle", $"/{values.Lang}/articles/{values.Article}"]);
        }
        if (values.Vote is not null)
        {
            lines.Add(text["MailVote", text["Vote_" + values.Vote]] + (values.Reason is null ? "" : $" ({text["Reason_" + values.Reason]})"));
        }
        if (values.Diagnosis is not null)
        {
            lines.Add(text["MailDiagnosis", values.Diagnosis]);
        }
        return string.Join('\n', lines) + "\n\n";
    }

    private static IResult BadRequest(string reason) => Results.Text(reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
