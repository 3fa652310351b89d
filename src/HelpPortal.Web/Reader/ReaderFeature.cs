using HelpPortal.Web.Hosting;
using HelpPortal.Articles;
using HelpPortal.Articles.Search;
using HelpPortal.Mail;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Reader;

internal static class ReaderFeature
{
    /// <summary>
    /// The content folder, read into a catalog with its search index at start-up (before the first request is
    /// served) and both rebuilt in the background whenever a file changes. Placeholder values come from the mail model.
    /// </summary>
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName);
        builder.Services.AddSingleton(sp =>
        {
            var environment = sp.GetRequiredService<IWebHostEnvironment>();
            var configured = sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path;
            return LoadOptions(
                ContentPaths.Content(configured, environment.ContentRootPath),
                sp.GetRequiredService<MailServiceModel>(),
                ContentPaths.Assets(environment));
        });
        builder.Services.AddSingleton(sp => new LiveContentCatalog(
            sp.GetRequiredService<ContentLoadOptions>(),
            sp.GetRequiredService<ILogger<LiveContentCatalog>>(),
            LiveContentCatalog.DefaultDebounce));
        builder.Services.AddSingleton<IContentCatalogSource>(sp => sp.GetRequiredService<LiveContentCatalog>());
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddHostedService<ContentInitializer>();
        return builder;
    }

    /// <summary>How the content folder is read here: placeholders and server names from the mail model, the widgets Web renders.</summary>
    public static ContentLoadOptions LoadOptions(string contentPath, MailServiceModel mail, string? assetsPath) =>
        new(contentPath, mail.Placeholders(), WidgetRegistry.Names, assetsPath)
        {
            Servers =
            [
                new ServerPlaceholders("IMAP", MailServiceModel.IncomingHostKey, MailServiceModel.IncomingPortKey),
                new ServerPlaceholders("SMTP", MailServiceModel.OutgoingHostKey, MailServiceModel.OutgoingPortKey),
            ],
        };

    /// <summary>The reader's languages (path, then remembered choice, then browser), the support link, content health.</summary>
    public static WebApplicationBuilder AddReader(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = ContentCatalog.Languages.Select(PortalLanguage.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(PortalLanguage.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.ApplyCurrentCultureToResponseHeaders = true; // Content-Language, the same on stored and rendered pages
            // The path wins, then the remembered choice, then the browser; a query string never decides.
            options.RequestCultureProviders =
            [
                new PathCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        return builder;
    }

    /// <summary>Localizes the request and remembers the language of a language page for <c>/</c> and the circuits.</summary>
    public static IApplicationBuilder UsePortalLanguages(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            if (PortalLanguage.FromPath(context.Request.Path.Value) is { } lang)
            {
                LanguageCookie.Remember(context, lang);
            }
            return next(context);
        });
    }

    /// <summary>The root redirect to the reader's language, the sitemap and robots.txt.</summary>
    public static WebApplication MapReader(this WebApplication app)
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
        return app;
    }
}
