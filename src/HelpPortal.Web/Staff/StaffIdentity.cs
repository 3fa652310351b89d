using HelpPortal.Feedback;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Staff;

/// <summary>Staff sign-in: Identity in the portal's store, a cookie, and the role policies.</summary>
internal static class StaffIdentity
{
    public const string LoginPath = "/account/login";

    public static WebApplicationBuilder AddStaffIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length beats composition rules; staff passwords are set with add-user.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Lockout is StaffLockout's, by account and client network; Identity's own would lock the account for everyone.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager();

        services.AddSingleton<StaffLockout>();
        services.AddScoped<StaffSignIn>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "hp_staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure outside Development and Testing, whose hosts speak plain HTTP.
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.ReturnUrlParameter = "ReturnUrl";
            // A signed-in person without the role gets a real 403, not a redirect to a page answering 200.
            options.Events.OnRedirectToAccessDenied = context => ForbiddenAsync(context.HttpContext);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.SupportLead, policy => policy.RequireRole(StaffRoles.SupportLead))
            .AddPolicy(StaffRoles.Editor, policy => policy.RequireRole(StaffRoles.Editor));
        services.AddCascadingAuthenticationState();
        return builder;
    }

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

    private static async Task ForbiddenAsync(HttpContext http)
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
