using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Hosting;

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

internal static class CircuitLimitsRegistration
{
    /// <summary>Razor components with interactive server islands, their circuits held to <see cref="CircuitLimits"/>.</summary>
    public static IServiceCollection AddLimitedRazorComponents(this IServiceCollection services, IConfiguration configuration)
    {
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
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            // The lambda runs when the hub's options are first read, after test hosts and environment variables are in.
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize =
                (configuration.GetSection(CircuitLimits.SectionName).Get<CircuitLimits>() ?? new CircuitLimits()).MaximumReceiveMessageSize);
        return services;
    }
}
