using HelpPortal.Articles;
using HelpPortal.Mail;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Reader;

internal static class ReaderFeature
{
    /// <summary>
    /// The content folder, read into a catalog at start-up (before the first request is served) and
    /// reloaded in the background whenever a file changes. Placeholder values come from the mail model.
    /// </summary>
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName);
        builder.Services.AddSingleton(sp =>
        {
            var environment = sp.GetRequiredService<IWebHostEnvironment>();
            var configured = sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path;
            return new ContentLoadOptions(
                ContentPaths.Content(configured, environment.ContentRootPath),
                sp.GetRequiredService<MailServiceModel>().Placeholders(),
                WidgetRegistry.Names,
                ContentPaths.Assets(environment));
        });
        builder.Services.AddSingleton(sp => new LiveContentCatalog(
            sp.GetRequiredService<ContentLoadOptions>(),
            sp.GetRequiredService<ILogger<LiveContentCatalog>>()));
        builder.Services.AddSingleton<IContentCatalogSource>(sp => sp.GetRequiredService<LiveContentCatalog>());
        // Starts the initial load in the background; AddSearch registers the wait for it after the store's start-up.
        builder.Services.AddSingleton<ContentStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentStartup>());
        return builder;
    }
}

/// <summary>Where the content and the site's assets are, when configuration does not say.</summary>
internal static class ContentPaths
{
    public static string Content(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        return RepositoryRoot(contentRoot) is { } root
            ? Path.Combine(root, "content")
            : Path.Combine(contentRoot, "content");
    }

    public static string Assets(IWebHostEnvironment environment)
    {
        if (RepositoryRoot(environment.ContentRootPath) is { } root && Directory.Exists(Path.Combine(root, "wwwroot-assets")))
        {
            return Path.Combine(root, "wwwroot-assets");
        }
        // Published: the assets were copied into wwwroot.
        return environment.WebRootPath is { Length: > 0 } webRoot ? webRoot : Path.Combine(environment.ContentRootPath, "wwwroot");
    }

    /// <summary>The folder holding HelpPortal.sln, above the content root or the binaries; null when published.</summary>
    public static string? RepositoryRoot(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HelpPortal.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
