using System.Threading.RateLimiting;
using HelpPortal.Feedback;
using HelpPortal.Mail;
using HelpPortal.Mail.DomainCheck;
using HelpPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.DomainCheck;

internal static class DomainCheckFeature
{
    public const string ChecksPerClientPerMinuteKey = "DomainCheck:ChecksPerClientPerMinute";

    /// <summary>
    /// The domain check (the resolver comes from <c>MailService:Dns:Resolver</c>, never from a visitor), its per-client
    /// limit and the daily counts of its findings. It uses the mail-service model (<c>AddMailService</c>) and the store
    /// (<c>AddFeedback</c>); the order of the calls does not matter.
    /// </summary>
    public static WebApplicationBuilder AddDomainCheck(this WebApplicationBuilder builder)
    {
        builder.Services.AddDomainChecker();
        builder.Services.AddOptions<DomainCheckOptions>()
            .BindConfiguration(DomainCheckOptions.SectionName)
            .Validate(o => o.ChecksPerClientPerMinute > 0, $"{ChecksPerClientPerMinuteKey} must be a positive number.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DomainCheckLimiter>();
        builder.Services.AddSingleton<IDomainCheckLog, DomainCheckLog>();
        return builder;
    }
}

/// <summary>The <c>DomainCheck</c> section of the configuration.</summary>
internal sealed class DomainCheckOptions
{
    public const string SectionName = "DomainCheck";

    /// <summary>Each check asks DNS a dozen questions or more; one client must not multiply that without bound.</summary>
    public int ChecksPerClientPerMinute { get; set; } = 10;
}

/// <summary>
/// The per-client limit on checks, in the same one-minute client partitions as every other limit. The page asks it
/// itself instead of through the rate-limiting middleware, so a client over the limit still gets the page with the
/// verdict <c>rate-limited</c> (and status 429) rather than a bare text answer.
/// </summary>
internal sealed class DomainCheckLimiter(IOptions<DomainCheckOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(
        http => ClientRateLimits.PerMinute(http, options.Value.ChecksPerClientPerMinute));

    /// <summary>Whether this request may run a check; the permit is used up either way.</summary>
    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
