using HelpPortal.Articles;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Reader;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;

namespace HelpPortal.Web.Hosting;

internal static class HostingFeature
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = ContentCatalog.Languages.Select(PortalLanguage.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(PortalLanguage.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The path wins, then the remembered choice, then the browser; a query string never decides.
            options.RequestCultureProviders =
            [
                new PathCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        builder.Services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.SectionName);
        builder.AddPublicOrigin();
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddCircuitLimits(builder.Configuration);
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
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (PortalLanguage.FromPath(context.Request.Path.Value) is { } lang)
            {
                LanguageCookie.Remember(context, lang);
            }
            return next(context);
        });
        app.UseFeedback();           // authentication, authorization, rate limiting (before antiforgery)
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapGet("/", (HttpContext context) =>
            Results.Redirect(ReaderUrls.Home(LanguageCookie.PreferredLanguage(context))))
            .ExcludeFromDescription();
        app.MapGet("/sitemap.xml", (HttpContext context, IContentCatalogSource catalogs, PublicOrigin origin) =>
        {
            context.Response.Headers.CacheControl = PublicOrigin.CacheControl;
            return Results.Text(Sitemap.Write(catalogs.Current, origin.Current), "application/xml; charset=utf-8");
        });
        app.MapGet("/robots.txt", (HttpContext context, PublicOrigin origin) =>
        {
            context.Response.Headers.CacheControl = PublicOrigin.CacheControl;
            return Results.Text(Sitemap.Robots(origin.Current), "text/plain; charset=utf-8");
        });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = ObservabilityComposition.CountsForLiveness });
        app.MapReadiness();
        return app;
    }
}
