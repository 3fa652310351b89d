using HelpPortal.Articles;
using HelpPortal.Feedback;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace HelpPortal.Web.Hosting;

/// <summary>
/// Metrics on the <see cref="PortalMetrics.MeterName"/> meter (exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and the readiness check behind <c>/readyz</c>.
/// </summary>
internal static class ObservabilityComposition
{
    /// <summary>Checks with this tag count for <c>/readyz</c> only; <c>/healthz</c> stays about content and store.</summary>
    public const string ReadinessOnlyTag = "readiness-only";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortalMetrics>();
        builder.Services.AddSingleton<SiteMetrics>();
        builder.Services.AddHostedService<ContentReloadMetrics>();
        builder.Services.AddHealthChecks().AddCheck<ShutdownReadinessCheck>("accepting-requests", tags: [ReadinessOnlyTag]);

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // The standard OTEL_* variables (endpoint, protocol, headers, service name) configure the exporter.
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(PortalMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddOtlpExporter());
        }
        return builder;
    }

    /// <summary><c>/readyz</c>: everything <c>/healthz</c> checks, plus "not shutting down", for load balancers.</summary>
    public static WebApplication MapReadiness(this WebApplication app)
    {
        app.MapHealthChecks("/readyz");
        return app;
    }

    /// <summary>Counts pages rendered, by component, once the response is known to be a page and not an error.</summary>
    public static IApplicationBuilder UsePageRenderMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<SiteMetrics>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsGet(context.Request.Method)
                && context.Response.StatusCode < StatusCodes.Status400BadRequest
                && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
            {
                metrics.PageRendered(page.Type.Name);
            }
        });
    }

    public static bool CountsForLiveness(HealthCheckRegistration check) => !check.Tags.Contains(ReadinessOnlyTag);
}

/// <summary>Counts content reloads and the errors each one found.</summary>
internal sealed class ContentReloadMetrics(IContentCatalogSource catalogs, SiteMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalogs.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalogs.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(ContentCatalog catalog) => metrics.ContentReloaded(catalog.Errors.Count);
}

/// <summary>Unready as soon as shutdown begins, so a load balancer stops sending new requests while answered ones finish.</summary>
internal sealed class ShutdownReadinessCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : HealthCheckResult.Healthy());
}
