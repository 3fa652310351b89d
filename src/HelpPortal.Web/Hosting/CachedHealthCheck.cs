using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// Answers a check from its last healthy result for a second. A probe (or anyone who finds <c>/healthz</c>)
/// then costs no database round-trip per request; a failing check is asked again every time, so it is never hidden.
/// </summary>
internal sealed class CachedHealthCheck<TCheck>(TCheck inner, TimeProvider time) : IHealthCheck
    where TCheck : IHealthCheck
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    // A reference, so a reader never sees half of a result written by another request.
    private volatile Healthy? _lastHealthy;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_lastHealthy is { } last && time.GetElapsedTime(last.At) < Lifetime)
        {
            return last.Result;
        }
        var started = time.GetTimestamp();
        var result = await inner.CheckHealthAsync(context, cancellationToken);
        _lastHealthy = result.Status == HealthStatus.Healthy ? new Healthy(result, started) : null;
        return result;
    }

    private sealed record Healthy(HealthCheckResult Result, long At);
}
