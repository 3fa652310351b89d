using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Hosting;

/// <summary>The sign-in limit and the circuit limits, set on purpose (the staff cookie's flags are in StaffIdentity).</summary>
internal static class HardeningComposition
{
    /// <summary>The rate-limiting policy on staff sign-in attempts (POSTs only; the form itself can be read freely).</summary>
    public const string SignInRateLimitPolicy = "staff-sign-in";

    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HardeningOptions>()
            .BindConfiguration(HardeningOptions.SectionName)
            .Validate(o => o.SignInAttemptsPerClientPerMinute > 0,
                $"{HardeningOptions.SectionName}:SignInAttemptsPerClientPerMinute must be a positive number.")
            .Validate(o => o.MaxRequestBodyBytes >= 64 * 1024 + 1,
                $"{HardeningOptions.SectionName}:MaxRequestBodyBytes must be more than 65536 (an Autodiscover request may be 64 KB).")
            .ValidateOnStart();
        services.AddOptions<HstsSettings>()
            .BindConfiguration(HstsSettings.SectionName)
            .Validate(o => o.MaxAgeDays > 0, $"{HstsSettings.SectionName}:MaxAgeDays must be a positive number of days.")
            .ValidateOnStart();
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HstsOptions>().Configure<IOptions<HstsSettings>>((hsts, settings) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(settings.Value.MaxAgeDays);
            hsts.IncludeSubDomains = settings.Value.IncludeSubDomains;
        });
        services.AddOptions<CircuitLimits>()
            .BindConfiguration(CircuitLimits.SectionName)
            .Validate(o => o.DisconnectedCircuitMaxRetained >= 0 && o.DisconnectedCircuitRetentionPeriod > TimeSpan.Zero && o.MaximumReceiveMessageSize > 0,
                $"{CircuitLimits.SectionName}: the retained count must not be negative, the period and message size must be positive.")
            .Validate(o => o.MaxPerClient > 0, $"{CircuitLimits.SectionName}:MaxPerClient must be a positive number.")
            .ValidateOnStart();
        services.AddSingleton<CircuitsPerClient>();
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimits>>((circuit, limits) =>
        {
            circuit.DisconnectedCircuitMaxRetained = limits.Value.DisconnectedCircuitMaxRetained;
            circuit.DisconnectedCircuitRetentionPeriod = limits.Value.DisconnectedCircuitRetentionPeriod;
        });

        services.AddRateLimiter(options => options.AddPolicy(SignInRateLimitPolicy, http =>
            HttpMethods.IsPost(http.Request.Method)
                ? ClientPartition.PerMinute(http,
                    http.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.SignInAttemptsPerClientPerMinute)
                : RateLimitPartition.GetNoLimiter("read")));
        return builder;
    }

    /// <summary>The hub limits of the interactive circuit, read from <see cref="CircuitLimits"/> when the hub is first used.</summary>
    public static IServerSideBlazorBuilder AddCircuitLimits(this IServerSideBlazorBuilder blazor, IConfiguration configuration)
    {
        // The lambda runs when the options are first read, after test hosts and environment variables are in.
        blazor.AddHubOptions(hub => hub.MaximumReceiveMessageSize =
            (configuration.GetSection(CircuitLimits.SectionName).Get<CircuitLimits>() ?? new CircuitLimits()).MaximumReceiveMessageSize);
        return blazor;
    }
}

/// <summary>The <c>Hardening</c> section of the configuration.</summary>
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

/// <summary>
/// The <c>Circuit</c> section: how many dropped tester circuits are kept for a reconnect, for how long,
/// and the largest message a browser may send over the hub (the tester's form is far below it).
/// </summary>
internal sealed class CircuitLimits
{
    public const string SectionName = "Circuit";

    public int DisconnectedCircuitMaxRetained { get; set; } = 100;
    public TimeSpan DisconnectedCircuitRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);
    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;

    /// <summary>Live circuit connections one client (an IPv4 address, an IPv6 /64) may hold at once.</summary>
    public int MaxPerClient { get; set; } = 10;
}
