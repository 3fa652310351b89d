using HelpPortal.Web.Layout;
using HelpPortal.Web.Reader;
using HelpPortal.Web.Reader.Cache;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;

namespace HelpPortal.Web.Hosting;

/// <summary>What every feature stands on, each registered once here, and the request pipeline in its order.</summary>
internal static class HostingFeature
{
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddLimitedRazorComponents(builder.Configuration);
        builder.Services.AddHardening();
        builder.AddPublicOrigin();
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedProxies(app.Configuration); // first, so limits and logs see the real client
        app.UseSecurityHeaders();
        app.UseRequestBodyLimit();
        app.UseCircuitsPerClient();
        app.UsePageRenderMetrics(); // outside the error pages, so only real pages count
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // The re-executed 404 page still carries the original raw target.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && RawPath.HasDotSegment(context.Features.Get<IHttpRequestFeature>()?.RawTarget))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UsePortalLanguages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // the per-client limits of the endpoints that name a policy
        app.UseReaderCache(); // anonymous reader pages rendered once per content version, served as bytes
        app.UsePlainPages();  // pages without an interactive island carry no framework state or script
        app.UseAntiforgery();
        return app;
    }

    /// <summary><c>/healthz</c> (content and store) and <c>/readyz</c> (also "not shutting down").</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = ObservabilityComposition.CountsForLiveness });
        app.MapReadiness();
        return app;
    }
}
