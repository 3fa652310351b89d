using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Feedback;

/// <summary>
/// The vote form's protection against cross-site requests, without a per-visitor token in the page (so every
/// reader gets the same stored bytes). Browsers say where a request comes from in <c>Sec-Fetch-Site</c>; only
/// <c>same-origin</c> passes. A browser too old to send it still sends <c>Origin</c> (or at least <c>Referer</c>)
/// on a form post, and that must be our own origin. This is the "Fetch Metadata" defence of the OWASP Cross-Site
/// Request Forgery Prevention Cheat Sheet, backed by the visitor cookie being <c>SameSite=Lax</c>.
/// </summary>
internal static class SameOriginPost
{
    /// <summary>Null when the request may go on; otherwise the reason it is refused (answered with 403).</summary>
    public static string? Refusal(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"];
        if (!StringValues.IsNullOrEmpty(site))
        {
            return site.Count == 1 && string.Equals(site[0], "same-origin", StringComparison.OrdinalIgnoreCase)
                ? null
                : "The vote must be sent from this site's own pages (Sec-Fetch-Site is not same-origin).";
        }

        var ours = $"{request.Scheme}://{request.Host.Value}";
        var origin = request.Headers.Origin;
        if (!StringValues.IsNullOrEmpty(origin))
        {
            return origin.Count == 1 && string.Equals(origin[0], ours, StringComparison.OrdinalIgnoreCase)
                ? null
                : "The vote must be sent from this site's own pages (the Origin is another site).";
        }

        var referer = request.Headers.Referer;
        if (referer.Count == 1 && Uri.TryCreate(referer[0], UriKind.Absolute, out var from)
            && string.Equals(from.GetLeftPart(UriPartial.Authority), ours, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return "The vote must be sent from this site's own pages (no Sec-Fetch-Site, Origin or Referer of this site).";
    }
}
