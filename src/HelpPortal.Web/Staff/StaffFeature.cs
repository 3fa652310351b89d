using HelpPortal.Feedback;
using HelpPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Staff;

/// <summary>Staff accounts: Identity in the portal's store, its cookie and role policies, the sign-in limit, sign-out.</summary>
internal static class StaffFeature
{
    /// <summary>The rate-limiting policy on staff sign-in attempts (POSTs only; the form itself can be read freely).</summary>
    public const string SignInRateLimitPolicy = "staff-sign-in";

    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        AddIdentity(builder.Services, builder.Environment);
        builder.Services.AddPerClientLimit<HardeningOptions>(SignInRateLimitPolicy,
            $"{HardeningOptions.SectionName}:{nameof(HardeningOptions.SignInAttemptsPerClientPerMinute)}",
            o => o.SignInAttemptsPerClientPerMinute,
            counts: request => HttpMethods.IsPost(request.Method));
        return builder;
    }

    public static WebApplication MapStaff(this WebApplication app)
    {
        app.MapPost("/account/logout", StaffIdentity.SignOutAsync);
        return app;
    }

    // Identity in the portal's store, its cookie and the role policies.
    private static void AddIdentity(IServiceCollection services, IWebHostEnvironment environment)
    {
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
            options.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = StaffIdentity.LoginPath;
            options.LogoutPath = "/account/logout";
            options.ReturnUrlParameter = "ReturnUrl";
            // A signed-in person without the role gets a real 403, not a redirect to a page answering 200.
            options.Events.OnRedirectToAccessDenied = context => StaffIdentity.ForbiddenAsync(context.HttpContext);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.SupportLead, policy => policy.RequireRole(StaffRoles.SupportLead))
            .AddPolicy(StaffRoles.Editor, policy => policy.RequireRole(StaffRoles.Editor));
        services.AddCascadingAuthenticationState();
    }
}
