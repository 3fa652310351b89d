using System.Threading.RateLimiting;
using HelpPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Staff;

/// <summary>Staff accounts: identity and its cookie (see <see cref="StaffIdentity"/>), the sign-in limit, sign-out.</summary>
internal static class StaffFeature
{
    /// <summary>The rate-limiting policy on staff sign-in attempts (POSTs only; the form itself can be read freely).</summary>
    public const string SignInRateLimitPolicy = "staff-sign-in";

    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.AddStaffIdentity();
        builder.Services.AddOptions<HardeningOptions>()
            .BindConfiguration(HardeningOptions.SectionName)
            .Validate(o => o.SignInAttemptsPerClientPerMinute > 0,
                $"{HardeningOptions.SectionName}:SignInAttemptsPerClientPerMinute must be a positive number.")
            .ValidateOnStart();
        builder.Services.AddPerClientLimit(SignInRateLimitPolicy, http =>
            HttpMethods.IsPost(http.Request.Method)
                ? ClientRateLimits.PerMinute(http,
                    http.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.SignInAttemptsPerClientPerMinute)
                : RateLimitPartition.GetNoLimiter("read"));
        return builder;
    }

    public static WebApplication MapStaff(this WebApplication app)
    {
        app.MapPost("/account/logout", StaffIdentity.SignOutAsync);
        return app;
    }
}

/// <summary>The <c>Hardening</c> section of the configuration: the staff sign-in limit.</summary>
internal sealed class HardeningOptions
{
    public const string SectionName = "Hardening";

    public int SignInAttemptsPerClientPerMinute { get; set; } = 10;
}
