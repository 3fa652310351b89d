using HelpPortal.Articles;
using HelpPortal.Feedback;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Search;

/// <summary><c>POST /admin/search/gaps</c>: a support lead marks a gap Planned, Done, or open again.</summary>
internal static class ContentGapEndpoint
{
    public const string Path = "/admin/search/gaps";

    public static async Task<IResult> HandleAsync(HttpContext http, IAntiforgery antiforgery, ContentGapStore gaps, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return BadRequest("A mark is sent as a form.");
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest("The form's security token is missing or has expired. Reload the page and try again.");
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var lang = Single(form, "lang");
        var key = Single(form, "key");
        var status = Single(form, "status");
        if (!ContentCatalog.IsLanguage(lang))
        {
            return BadRequest("lang must be en or sv.");
        }
        if (string.IsNullOrWhiteSpace(key) || key.Length > SearchLog.MaxQueryLength || key.Any(char.IsControl))
        {
            return BadRequest($"key must be a gap's key of at most {SearchLog.MaxQueryLength} characters.");
        }
        if (!Enum.TryParse<ContentGapStatus>(status, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
        {
            return BadRequest("status must be Open, Planned or Done.");
        }
        var who = http.User.Identity?.Name ?? "";
        await gaps.MarkAsync(lang!, key, parsed, who, cancellationToken);
        // Back to the same view of the log; 303 so a reload does not post again.
        var back = Single(form, "back") is { Length: <= 200 } query && query.StartsWith('?') && !query.Contains('#') && !query.Any(char.IsControl)
            ? query
            : "";
        http.Response.Headers.Location = "/admin/search" + back;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static IResult BadRequest(string reason) => Results.Text(reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
