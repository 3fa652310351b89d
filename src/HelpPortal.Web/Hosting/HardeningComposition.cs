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
            .ValidateOnStart();
        services.AddOptions<CircuitLimits>()
            .BindConfiguration(CircuitLimits.SectionName)
            .Validate(o => o.DisconnectedCircuitMaxRetained >= 0 && o.DisconnectedCircuitRetentionPeriod > TimeSpan.Zero && o.MaximumReceiveMessageSize > 0,
                $"{CircuitLimits.SectionName}: the retained count must not be negative, the period and message size must be positive.")
            .ValidateOnStart();
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
}
