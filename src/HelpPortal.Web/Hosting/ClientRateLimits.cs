using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// The portal's one rate limiter: every feature adds its policy here, each a fixed one-minute window per
/// <see cref="ClientPartition"/> whose size comes from that feature's validated options.
/// </summary>
internal static class ClientRateLimits
{
    /// <summary>
    /// Adds <paramref name="policy"/>: a number of requests per client per minute read from the options setting
    /// <paramref name="key"/> (<c>Section:Name</c>), validated at start-up. Requests for which
    /// <paramref name="counts"/> says false pass without counting.
    /// </summary>
    public static IServiceCollection AddPerClientLimit<TOptions>(
        this IServiceCollection services, string policy, string key, Func<TOptions, int> permits, Func<HttpRequest, bool>? counts = null)
        where TOptions : class
    {
        services.AddOptions<TOptions>()
            .BindConfiguration(key[..key.IndexOf(':', StringComparison.Ordinal)])
            .Validate(o => permits(o) > 0, $"{key} must be a positive number.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, RejectionAnswer>());
        return services.AddRateLimiter(options => options.AddPolicy(policy, http => counts is null || counts(http.Request)
            ? PerMinute(http, permits(http.RequestServices.GetRequiredService<IOptions<TOptions>>().Value))
            : RateLimitPartition.GetNoLimiter("uncounted")));
    }

    /// <summary>A fixed one-minute window of <paramref name="permits"/> requests for the request's client, no queue.</summary>
    internal static RateLimitPartition<string> PerMinute(HttpContext http, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientPartition.Key(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>429 with a body of our own, so the status-code page does not answer a 429 with "not found".</summary>
    private sealed class RejectionAnswer : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options)
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many requests from your network. Please wait a minute and try again.", cancellationToken);
            };
        }
    }
}
