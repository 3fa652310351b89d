using HelpPortal.Articles;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpPortal.Web.Reader;

/// <summary>Healthy once a catalog with published articles is in service.</summary>
internal sealed class ContentHealthCheck(IContentCatalogSource catalogs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var catalog = catalogs.Current;
        var published = catalog.AllArticles.Count(a => !a.Draft);
        return Task.FromResult(published > 0
            ? HealthCheckResult.Healthy($"{published} published articles, catalog version {catalog.Version}")
            : HealthCheckResult.Unhealthy("No published articles are loaded."));
    }
}
