using HelpPortal.Articles;
using HelpPortal.Feedback;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Feedback;

/// <summary>
/// <c>POST /{lang}/articles/{slug}/feedback</c>: the vote form's target. A plain form post, so it works without
/// JavaScript; answers 303 back to the article, or 400 with the reason and nothing stored.
/// </summary>
internal static class VoteEndpoint
{
    // The largest honest form is a 1,000-character comment (up to 4 bytes a character, URL-encoded).
    private const long MaxBodyBytes = 16 * 1024;

    public static async Task<IResult> HandleAsync(
        string lang, string slug, HttpContext http, [FromServices] IContentCatalogSource catalog,
        VoteCasting casting, CancellationToken cancellationToken)
    {
        if (SameOriginPost.Refusal(http.Request) is { } refusal)
        {
            return Results.Text(refusal, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        if (!http.Request.HasFormContentType)
        {
            return BadRequest("A vote is sent as a form (application/x-www-form-urlencoded).");
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return BadRequest("The vote is too large.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        var article = ContentCatalog.IsLanguage(lang) ? catalog.Current.Find(lang, slug) : null;
        if (article is null || article.Draft)
        {
            return BadRequest($"There is no article '{lang}/{slug}' to vote on.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            return BadRequest("The vote is too large.");
        }
        var parsed = VoteForm.Parse(form);
        if (parsed.Error is { } error)
        {
            return BadRequest(error);
        }

        if (await casting.CastAsync(http, article, parsed, cancellationToken) is { } notStored)
        {
            return notStored;
        }

        var next = parsed.AsksForDetails ? "no" : "thanks";
        // 303: the browser follows with a GET, so reloading the article never posts the vote again.
        http.Response.Headers.Location = ReaderUrls.AfterVote(article.Lang, article.Slug, next);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult BadRequest(string reason) => Results.Text(reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>The vote form's fields, checked: every field at most once, known values only.</summary>
internal sealed record VoteForm(bool Helpful, string? Reason, string? Comment, bool AsksForDetails, string? Error)
{
    public const string DetailsStep = "details";

    public static VoteForm Parse(IFormCollection form)
    {
        static VoteForm Fail(string error) => new(false, null, null, false, error);

        if (!TrySingle(form, "helpful", out var helpfulValue) || !TrySingle(form, "reason", out var reason)
            || !TrySingle(form, "comment", out var comment) || !TrySingle(form, "step", out var step))
        {
            return Fail("Each field of the vote may be sent once.");
        }
        bool helpful;
        switch (helpfulValue)
        {
            case "yes": helpful = true; break;
            case "no": helpful = false; break;
            default: return Fail("The field 'helpful' must be 'yes' or 'no'.");
        }

        reason = string.IsNullOrEmpty(reason) ? null : reason;
        if (reason is not null && !VoteReasons.All.Contains(reason))
        {
            return Fail($"The field 'reason' must be one of: {string.Join(", ", VoteReasons.All)}.");
        }
        // Browsers send a textarea's line breaks as CRLF but count them as one character against maxlength.
        comment = comment?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        comment = string.IsNullOrEmpty(comment) ? null : comment;
        if (comment is not null && comment.Length > VoteReasons.MaxCommentLength)
        {
            return Fail($"The comment may be at most {VoteReasons.MaxCommentLength} characters long.");
        }
        if (comment is not null && comment.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return Fail("The comment contains characters that are not text.");
        }
        if (helpful && (reason is not null || comment is not null))
        {
            return Fail("A reason or a comment goes only with 'No'.");
        }
        if (step is not null && step != DetailsStep)
        {
            return Fail("The field 'step' is not valid.");
        }
        return new VoteForm(helpful, reason, comment, AsksForDetails: !helpful && step is null, Error: null);
    }

    private static bool TrySingle(IFormCollection form, string key, out string? value)
    {
        var values = form.TryGetValue(key, out var v) ? v : StringValues.Empty;
        value = values.Count == 1 ? values[0] : null;
        return values.Count <= 1;
    }
}
