namespace HelpPortal.Web.Hosting;

/// <summary>The <c>Hardening</c> section of the configuration: the staff sign-in limit and the request body ceiling.</summary>
internal sealed class HardeningOptions
{
    public const string SectionName = "Hardening";

    public int SignInAttemptsPerClientPerMinute { get; set; } = 10;

    /// <summary>The largest request body accepted anywhere; see <see cref="RequestBodyLimit"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 96 * 1024;
}

/// <summary>The <c>Hsts</c> section: the Strict-Transport-Security header sent outside Development.</summary>
internal sealed class HstsSettings
{
    public const string SectionName = "Hsts";

    public int MaxAgeDays { get; set; } = 365;
    public bool IncludeSubDomains { get; set; } = true;
}

internal static class HardeningRegistration
{
    /// <summary>The request body ceiling and HSTS, each validated at start-up with its key in the message.</summary>
    public static IServiceCollection AddHardening(this IServiceCollection services)
    {
        services.AddOptions<HardeningOptions>()
            .BindConfiguration(HardeningOptions.SectionName)
            .Validate(o => o.MaxRequestBodyBytes >= 64 * 1024 + 1,
                $"{HardeningOptions.SectionName}:MaxRequestBodyBytes must be more than 65536 (an Autodiscover request may be 64 KB).")
            .ValidateOnStart();
        services.AddOptions<HstsSettings>()
            .BindConfiguration(HstsSettings.SectionName)
            .Validate(o => o.MaxAgeDays > 0, $"{HstsSettings.SectionName}:MaxAgeDays must be a positive number of days.")
            .ValidateOnStart();
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HstsOptions>().Configure<Microsoft.Extensions.Options.IOptions<HstsSettings>>((hsts, settings) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(settings.Value.MaxAgeDays);
            hsts.IncludeSubDomains = settings.Value.IncludeSubDomains;
        });
        return services;
    }
}
