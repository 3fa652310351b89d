using HelpPortal.Feedback;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Staff;

/// <summary>What staff sign-in answers: sign-out, the checked return address, and the 403 page.</summary>
internal static class StaffIdentity
{
    public const string LoginPath = "/account/login";

    public static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest("The sign-out form has expired; reload the page and try again.");
        }
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/account/login");
    }

    /// <summary>Whether <paramref name="returnUrl"/> stays on this site (no scheme, no protocol-relative form).</summary>
    public static bool IsLocalUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl);

    public static async Task ForbiddenAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        // Our own short page instead of the "not found" page the status-code re-execution would show.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Access denied</title></head>
            <body><main><h1>Access denied</h1>
            <p>You are signed in, but your account does not have the role this page needs.</p>
            <p><a href="/account/login">Sign in with another account</a></p></main></body></html>
            """);
    }
}
